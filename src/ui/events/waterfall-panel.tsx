import { useMemo } from 'react';
import { useRequestFocus } from './request-focus.ts';
import { useLogSnapshot } from './use-log-snapshot.ts';
import { WaterfallView } from './waterfall.tsx';
import { latestSample, nextSample, sampledRequests } from './request-samples.ts';
import { buildRequestTrace } from './waterfall-model.ts';
import './waterfall.css';

/**
 * The waterfall of one request: by default the newest finished request that was sampled for
 * hop tracing (following the run), else the one chosen in the event log or with "Next sample".
 */
export function WaterfallPanel() {
  const { events } = useLogSnapshot();
  const focusedId = useRequestFocus((s) => s.requestId);
  const focus = useRequestFocus((s) => s.focus);
  const samples = useMemo(() => sampledRequests(events), [events]);
  const shownId = focusedId ?? latestSample(samples);
  const trace = useMemo(
    () => (shownId === null ? null : buildRequestTrace(events, shownId)),
    [events, shownId],
  );
  const next = nextSample(samples, shownId);

  return (
    <section
      className="waterfall-panel"
      data-testid="waterfall-panel"
      aria-label="Request waterfall"
    >
      <div className="waterfall-panel__toolbar">
        <span className="waterfall-panel__title">Request waterfall</span>
        <span className="waterfall-panel__count">
          {samples.length === 1 ? '1 sampled request' : `${samples.length} sampled requests`} in the
          log
        </span>
        <button
          type="button"
          disabled={next === null}
          onClick={() => focus(next)}
          data-testid="waterfall-next"
        >
          Next sample
        </button>
        <button
          type="button"
          aria-pressed={focusedId === null}
          onClick={() => focus(null)}
          title="Show the newest finished sampled request as the run goes on"
          data-testid="waterfall-follow"
        >
          Follow latest
        </button>
      </div>
      {shownId === null ? (
        <p className="waterfall__note" data-testid="waterfall-empty">
          No sampled requests yet. While the run plays, some requests are traced call by call; the
          newest appears here. Click a row with a request id in the event log to see that request.
        </p>
      ) : (
        <WaterfallView requestId={shownId} trace={trace} />
      )}
    </section>
  );
}
