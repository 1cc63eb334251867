import { useMemo } from 'react';
import { LOG_CAPACITY } from '../../store/index.ts';
import { formatDurationUs } from './event-format.ts';
import { useLogSnapshot } from './use-log-snapshot.ts';
import { WaterfallHop } from './waterfall-hop.tsx';
import { buildRequestTrace, type RequestTrace } from './waterfall-model.ts';
import './waterfall.css';

// Three labels fit even a narrow panel without overlapping.
const AXIS_FRACTIONS = [0, 0.5, 1];

function outcomeText(trace: RequestTrace): string {
  const took = trace.latencyUs === null ? '' : ` in ${formatDurationUs(trace.latencyUs)}`;
  if (trace.outcome === 'succeeded') return `succeeded${took}`;
  if (trace.outcome === 'failed') return `failed (${trace.cause ?? 'error'})${took}`;
  return trace.resolvedUs === null && trace.sentUs === null
    ? 'outcome not in the log'
    : 'still in flight';
}

/** The waterfall of an already built trace (or a note when the log holds none of it). */
export function WaterfallView({
  requestId,
  trace,
}: {
  requestId: number;
  trace: RequestTrace | null;
}) {
  if (!trace) {
    return (
      <div className="waterfall" data-testid="waterfall">
        <p className="waterfall__note">
          Request #{requestId} is not in the event log (it keeps the newest {LOG_CAPACITY} events).
        </p>
      </div>
    );
  }
  const spanUs = trace.endUs - trace.startUs;
  return (
    <div className="waterfall" data-testid="waterfall" data-request-id={requestId}>
      <header className="waterfall__summary">
        <span className="waterfall__title">
          Request #{requestId}
          {trace.client && <> from {trace.client}</>}
        </span>
        <span
          className={`waterfall__outcome waterfall__outcome--${trace.outcome}`}
          data-testid="waterfall-outcome"
        >
          {outcomeText(trace)}
        </span>
        {trace.incomplete && trace.sampled && (
          <span className="waterfall__note">Some events are missing from the log.</span>
        )}
      </header>
      {!trace.sampled ? (
        <p className="waterfall__note">
          This request was not sampled for hop tracing: only its outcome is known. Sampled requests
          show every call they made.
        </p>
      ) : (
        <>
          <div className="waterfall__axis" aria-hidden="true">
            <span />
            <span className="waterfall__ticks">
              {AXIS_FRACTIONS.map((f) => (
                <span key={f} className="waterfall__tick" style={{ left: `${f * 100}%` }}>
                  {formatDurationUs(f * spanUs)}
                </span>
              ))}
            </span>
          </div>
          <ol className="waterfall__hops" aria-label={`Calls of request ${requestId}`}>
            {trace.rows.map((hop) => (
              <WaterfallHop key={hop.callId} hop={hop} trace={trace} />
            ))}
          </ol>
          <p className="waterfall__legend" aria-hidden="true">
            <span className="waterfall-seg waterfall-seg--out" /> network out
            <span className="waterfall-seg waterfall-seg--callee" /> at the callee
            <span className="waterfall-seg waterfall-seg--back" /> network back
            <span className="waterfall-seg waterfall-seg--open" /> no end in the trace
          </p>
        </>
      )}
    </div>
  );
}

/** The hop-by-hop waterfall of one request, from the event log. */
export function RequestWaterfall({ requestId }: { requestId: number }) {
  const { events } = useLogSnapshot();
  const trace = useMemo(() => buildRequestTrace(events, requestId), [events, requestId]);
  return <WaterfallView requestId={requestId} trace={trace} />;
}
