import { memo, useMemo } from 'react';
import type { ChartRow } from './chart-rows.ts';
import type { ChartRange } from './chart-scope.ts';
import { describeSegments, stateSegments, type StripState } from './state-segments.ts';
import { useSeries } from './use-series.ts';

interface StripProps {
  nodeId: string;
  label: string;
  states: readonly StripState[];
  rows: readonly ChartRow[];
  resolutionMs: number;
  /** Shared x domain of the charts, seconds. */
  domain: readonly [number, number];
}

/** Segments narrower than this share of the strip carry no text (the title still has it). */
const MIN_TEXT_SHARE = 0.07;

/**
 * A stateful node's state over time (a breaker's CLOSED / OPEN / HALF-OPEN): one coloured,
 * labelled band per run of windows in the same state, on the charts' time domain. State is
 * never shown by colour alone: wide bands carry the word, every band has a title, and the
 * whole strip is summarised in words for screen readers.
 */
export const StateStrip = memo(function StateStrip(p: StripProps) {
  const segments = useMemo(
    () => stateSegments(p.rows, p.states, Math.max(p.resolutionMs, 1) / 1000),
    [p.rows, p.states, p.resolutionMs],
  );
  const [d0, d1] = p.domain;
  const span = Math.max(d1 - d0, 1e-9);
  const summary = describeSegments(segments);
  return (
    <figure className="state-strip" data-testid={`state-strip-${p.nodeId}`}>
      <figcaption className="state-strip__label" title={p.label}>
        {p.label}
      </figcaption>
      <div className="state-strip__track" role="img" aria-label={`${p.label} state: ${summary}`}>
        {segments.map((s) => {
          const left = Math.max(0, (s.startSec - d0) / span);
          const right = Math.min(1, (s.endSec - d0) / span);
          if (right <= left) return null;
          return (
            <span
              key={`${s.startSec}-${s.text}`}
              className={`state-strip__segment state-strip__segment--${s.tone}`}
              data-testid="state-segment"
              data-state={s.text}
              title={`${s.text} ${s.startSec.toFixed(1)}–${s.endSec.toFixed(1)} s`}
              style={{ left: `${left * 100}%`, width: `${(right - left) * 100}%` }}
            >
              {right - left >= MIN_TEXT_SHARE ? s.text : ''}
            </span>
          );
        })}
      </div>
    </figure>
  );
});

interface NodeStripProps {
  nodeId: string;
  label: string;
  states: readonly StripState[];
  range: ChartRange;
  domain: readonly [number, number];
}

/** A strip that fetches its own node's series (system scope shows several nodes' strips). */
export function NodeStateStrip(p: NodeStripProps) {
  const scope = useMemo(() => ({ type: 'node' as const, nodeId: p.nodeId }), [p.nodeId]);
  const { rows, resolutionMs } = useSeries(scope, p.range);
  return (
    <StateStrip
      nodeId={p.nodeId}
      label={p.label}
      states={p.states}
      rows={rows}
      resolutionMs={resolutionMs}
      domain={p.domain}
    />
  );
}
