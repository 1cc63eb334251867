import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import { memo } from 'react';
import type { EdgeFrame } from '../store/index.ts';
import { useTelemetry } from '../store/index.ts';
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

function TrafficEdgeView(props: EdgeProps<TrafficFlowEdge>) {
  const {
    id,
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
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`tedge__label tedge__label--${tone}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TrafficEdge = memo(TrafficEdgeView);
