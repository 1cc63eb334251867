import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import { memo } from 'react';
import type { EdgeFrame } from '../store/index.ts';
import { useApp, useTelemetry } from '../store/index.ts';
import { nodeById } from './component-node.tsx';
import { formatPercent } from '../store/index.ts';
import { useCompactZoom } from './level-of-detail.ts';

export type TrafficFlowEdge = Edge<Record<string, never>, 'traffic'>;

/** Thickness follows calls per second (log scale); colour and a label show the failure share. */
export function edgeStyle(
  windowCalls: number,
  windowFailed: number,
): { width: number; failShare: number } {
  const width = windowCalls > 0 ? Math.min(8, 1.5 + Math.log10(1 + windowCalls) * 2) : 1.5;
  const failShare = windowCalls > 0 ? windowFailed / windowCalls : 0;
  return { width, failShare };
}

const NO_FAULTS: readonly string[] = [];
const IDLE_WIDTH = edgeStyle(0, 0).width;

/**
 * "width|tone|label" for an edge's last window: a string, so equal looks compare equal. In the
 * compact view (zoomed out) the width stays at the idle width: its changes would be sub-pixel.
 */
export function edgeLook(
  windowCalls: number,
  windowFailed: number,
  faults: readonly string[],
  partitioned: boolean,
  compact = false,
): string {
  const style = edgeStyle(windowCalls, windowFailed);
  const { failShare } = style;
  const width = compact ? IDLE_WIDTH : style.width;
  const words = faults.join(' · ');
  const tone = partitioned
    ? 'cut'
    : failShare >= 0.25
      ? 'failing'
      : failShare >= 0.01
        ? 'degraded'
        : 'ok';
  const label = words || (failShare >= 0.01 ? `${formatPercent(failShare)} failed` : '');
  return `${Math.round(width * 2) / 2}|${tone}|${label}`;
}

// Computed once per EdgeFrame object (replaced only when the edge changed) and view, so the
// selector that runs on every store update is a lookup.
const looks = new WeakMap<EdgeFrame, string>();
const compactLooks = new WeakMap<EdgeFrame, string>();
const IDLE_LOOK = edgeLook(0, 0, NO_FAULTS, false);
function lookOf(f: EdgeFrame | undefined, compact: boolean): string {
  if (f === undefined) return IDLE_LOOK;
  const cache = compact ? compactLooks : looks;
  let look = cache.get(f);
  if (look === undefined) {
    look = edgeLook(f.windowCalls, f.windowFailed, f.faults, f.partitioned, compact);
    cache.set(f, look);
  }
  return look;
}

/** The id of the hidden text that names an edge for assistive technology (use-flow-elements). */
export function edgeNameId(id: string): string {
  return `tedge-name-${id}`;
}

const TONE_WORDS: Record<string, string> = {
  ok: 'OK',
  degraded: 'Degraded',
  failing: 'Failing',
  cut: 'Partitioned',
};

/** "Call from Gateway to Orders, Degraded, 3% failed": kind, ends, status, what is written on it. */
export function edgeName(from: string, to: string, tone: string, label: string): string {
  return [`Call from ${from} to ${to}`, TONE_WORDS[tone] ?? tone, label].filter(Boolean).join(', ');
}

function TrafficEdgeView(props: EdgeProps<TrafficFlowEdge>) {
  const {
    id,
    source,
    target,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    selected,
    markerEnd,
  } = props;
  // Selected as what is drawn (width in half-pixel steps, tone, label), so an edge re-renders
  // only when its drawing changes.
  const compact = useCompactZoom();
  const look = useTelemetry((s) => lookOf(s.edges[id], compact));
  const [widthText, tone, label] = look.split('|') as [string, string, string];
  // Labels, not ids, in the accessible name; a string, so a drag elsewhere re-renders nothing.
  const ends = useApp((s) => {
    const from = nodeById(s.scenario, source);
    const to = nodeById(s.scenario, target);
    return `${from?.label ?? source}\u0001${to?.label ?? target}`;
  });
  const [fromLabel = source, toLabel = target] = ends.split('\u0001');
  const width = Number(widthText);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`tedge tedge--${tone}${selected ? ' tedge--selected' : ''}`}
        style={{ strokeWidth: width }}
        interactionWidth={16}
      />
      <EdgeLabelRenderer>
        <span id={edgeNameId(id)} hidden>
          {edgeName(fromLabel, toLabel, tone, label)}
        </span>
        {label && (
          <div
            className={`tedge__label tedge__label--${tone}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {label}
          </div>
        )}
      </EdgeLabelRenderer>
    </>
  );
}

export const TrafficEdge = memo(TrafficEdgeView);
