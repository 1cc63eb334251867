import { formatDurationUs } from './event-format.ts';
import { hopOutcomeText, hopSegments, hopTotalUs, type HopSegment } from './hop-view.ts';
import type { Hop, RequestTrace } from './waterfall-model.ts';

const SEGMENT_WORDS: Record<HopSegment['kind'], string> = {
  out: 'network out',
  callee: 'at the callee',
  back: 'network back',
};

/** Indent per depth level, px. */
const INDENT_PX = 12;

function percent(us: number, trace: RequestTrace): number {
  return ((us - trace.startUs) / (trace.endUs - trace.startUs)) * 100;
}

function segmentText(s: HopSegment, callee: string | null): string {
  const what = s.kind === 'callee' && callee ? `at ${callee}` : SEGMENT_WORDS[s.kind];
  return `${what} ${formatDurationUs(s.endUs - s.startUs)}${s.open ? ' (no end in the trace)' : ''}`;
}

/** One call of the request: who called whom, its three segments on the shared axis, outcome. */
export function WaterfallHop({ hop, trace }: { hop: Hop; trace: RequestTrace }) {
  const segments = hopSegments(hop, trace.endUs);
  const outcome = hopOutcomeText(hop);
  const total = hopTotalUs(hop);
  const parts = segments.map((s) => segmentText(s, hop.callee));
  const name = `${hop.caller ?? '?'} → ${hop.callee ?? '?'}`;
  return (
    <li
      className={`waterfall-hop waterfall-hop--${hop.outcome}`}
      data-testid="waterfall-hop"
      aria-label={`${name}: ${parts.join(', ')}; ${outcome}`}
    >
      <span className="waterfall-hop__name" style={{ paddingLeft: hop.depth * INDENT_PX }}>
        {hop.depth > 0 && <span className="waterfall-hop__elbow">└</span>}
        {name}
        {hop.incomplete && (
          <span className="waterfall-hop__partial" title="Some events of this call are missing">
            …
          </span>
        )}
      </span>
      <span className="waterfall-hop__track" aria-hidden="true">
        {segments.map((s) => {
          const left = percent(s.startUs, trace);
          const width = percent(s.endUs, trace) - left;
          return (
            <span
              key={s.kind}
              className={`waterfall-seg waterfall-seg--${s.kind}${s.open ? ' waterfall-seg--open' : ''}`}
              style={{ left: `${left}%`, width: `${width}%` }}
              title={segmentText(s, hop.callee)}
            />
          );
        })}
        {hop.timedOutUs !== null && (
          <span
            className="waterfall-hop__mark"
            style={{ left: `${percent(hop.timedOutUs, trace)}%` }}
            title={`The caller gave up at ${formatDurationUs(hop.timedOutUs - trace.startUs)}`}
          />
        )}
      </span>
      <span className="waterfall-hop__total">{formatDurationUs(total)}</span>
      <span className="waterfall-hop__outcome">{outcome}</span>
    </li>
  );
}
