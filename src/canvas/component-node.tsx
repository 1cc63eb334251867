import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SimNode, SimScenario } from '../engine/index.ts';
import { kindInfo, useApp, useTelemetry } from '../store/index.ts';
import { KindIcon } from './kind-icon.tsx';
import { formatMs, formatPercent, formatRate, healthOf } from './node-health.ts';

/** node.data holds nothing live: everything shown comes from the stores by id. */
export type ComponentFlowNode = Node<Record<string, never>, 'component'>;

// One index per scenario.nodes array, so each node finds itself in O(1) after an edit.
const indexes = new WeakMap<readonly SimNode[], Map<string, SimNode>>();
function nodeById(s: SimScenario, id: string): SimNode | undefined {
  let index = indexes.get(s.nodes);
  if (!index) {
    index = new Map(s.nodes.map((n) => [n.id, n]));
    indexes.set(s.nodes, index);
  }
  return index.get(id);
}

function LiveBadges({ id, isSource }: { id: string; isSource: boolean }) {
  const frame = useTelemetry((s) => s.nodes[id]);
  const w = frame?.window;
  const completed = w?.['completed'] ?? 0;
  const rate = w?.['arrivals'] ?? 0;
  const errShare = completed > 0 ? (w?.['failed'] ?? 0) / completed : 0;
  const p99 = w?.['p99Ms'] ?? 0;
  const health = healthOf(frame);
  return (
    <>
      <div
        className={`cnode__status cnode__status--${health.health}`}
        data-testid={`node-status-${id}`}
      >
        <span className="cnode__dot" aria-hidden="true" />
        {health.text}
        {frame && frame.faults.length > 0 && (
          <span className="cnode__faults" data-testid={`node-faults-${id}`}>
            {frame.faults.join(' · ')}
          </span>
        )}
      </div>
      <dl className="cnode__badges" data-testid={`node-badges-${id}`}>
        <div>
          <dt>{isSource ? 'sent' : 'in'}</dt>
          <dd data-testid={`badge-rate-${id}`}>{formatRate(rate)}</dd>
        </div>
        <div>
          <dt>errors</dt>
          <dd data-testid={`badge-errors-${id}`}>{formatPercent(errShare)}</dd>
        </div>
        <div>
          <dt>p99</dt>
          <dd data-testid={`badge-p99-${id}`}>{completed > 0 ? formatMs(p99) : '–'}</dd>
        </div>
        {!isSource && (
          <div>
            <dt>queue</dt>
            <dd data-testid={`badge-queue-${id}`}>{frame?.queueDepth ?? 0}</dd>
          </div>
        )}
        <div>
          <dt>{isSource ? 'waiting' : 'in flight'}</dt>
          <dd data-testid={`badge-inflight-${id}`}>{frame?.inFlight ?? 0}</dd>
        </div>
        {!isSource && (
          <div>
            <dt>busy</dt>
            <dd data-testid={`badge-busy-${id}`}>
              {frame ? `${frame.busy}/${frame.capacity}` : '–'}
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

function ComponentNodeView({ id, selected }: NodeProps<ComponentFlowNode>) {
  const node = useApp((s) => nodeById(s.scenario, id));
  if (!node) return null;
  const info = kindInfo(node.kind);
  const category = info?.category ?? 'compute';
  return (
    <div
      className={`cnode cnode--${category}${selected ? ' cnode--selected' : ''}`}
      data-testid={`node-${id}`}
      aria-label={`${node.label ?? node.id} (${info?.label ?? node.kind})`}
    >
      {!info?.isSource && <Handle type="target" position={Position.Left} aria-label="Input" />}
      <div className="cnode__head">
        <KindIcon kind={node.kind} category={category} />
        <div className="cnode__titles">
          <div className="cnode__label">{node.label ?? node.id}</div>
          <div className="cnode__kind">{info?.label ?? node.kind}</div>
        </div>
      </div>
      <LiveBadges id={id} isSource={info?.isSource === true} />
      {info?.hasOutput !== false && (
        <Handle type="source" position={Position.Right} aria-label="Output" />
      )}
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
