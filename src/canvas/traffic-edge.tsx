import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import { memo } from 'react';
import { useTelemetry } from '../store/index.ts';
import { formatPercent } from './node-health.ts';

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
  const calls = useTelemetry((s) => s.edges[id]?.windowCalls ?? 0);
  const failed = useTelemetry((s) => s.edges[id]?.windowFailed ?? 0);
  const faults = useTelemetry((s) => s.edges[id]?.faults.join(' · ') ?? '');
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const { width, failShare } = edgeStyle(calls, failed);
  const tone = faults.includes('partition')
    ? 'cut'
    : failShare >= 0.25
      ? 'failing'
      : failShare >= 0.01
        ? 'degraded'
        : 'ok';
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
      {(failShare >= 0.01 || faults) && (
        <EdgeLabelRenderer>
          <div
            className={`tedge__label tedge__label--${tone}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {faults || `${formatPercent(failShare)} failed`}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const TrafficEdge = memo(TrafficEdgeView);
