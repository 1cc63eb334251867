import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SimNode, SimScenario } from '../scenario/index.ts';
import type { NodeFrame } from '../store/index.ts';
import { kindInfo, useApp, useTelemetry } from '../store/index.ts';
import { KindIcon } from './kind-icon.tsx';
import { useCompactZoom } from './level-of-detail.ts';
import { badgeFigures } from './node-badges.ts';
import { healthOf } from './node-health.ts';

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

// Everything a node's badges show, as one string per NodeFrame object, computed once per frame
// object (the telemetry store replaces a node's frame only when it changed). One selector per
// node keeps the store's listener count at one per node, and the node re-renders only when
// the text it shows changes.
const SEP = '\u0001';
const badgeKeys = new WeakMap<NodeFrame, string>();
const statusKeys = new WeakMap<NodeFrame, string>();

type StatusParts = [
  tone: string,
  text: string,
  faults: string,
  stateTone: string,
  stateText: string,
];

function statusParts(f: NodeFrame | undefined): StatusParts {
  const h = healthOf(f);
  return [
    h.health,
    h.text,
    f?.faults.join(' · ') ?? '',
    f?.state?.tone ?? '',
    f?.state?.text ?? '',
  ];
}

/** The status line's fields, joined (all a compact node shows). */
function statusKey(f: NodeFrame | undefined): string {
  if (f === undefined) return EMPTY_STATUS_KEY;
  let key = statusKeys.get(f);
  if (key === undefined) {
    key = statusParts(f).join(SEP);
    statusKeys.set(f, key);
  }
  return key;
}

/** Six figures, then the status fields. */
function badgeKey(f: NodeFrame | undefined): string {
  if (f === undefined) return EMPTY_BADGE_KEY;
  let key = badgeKeys.get(f);
  if (key === undefined) {
    key = [...badgeFigures(f), statusKey(f)].join(SEP);
    badgeKeys.set(f, key);
  }
  return key;
}

const EMPTY_STATUS_KEY = statusParts(undefined).join(SEP);
const EMPTY_BADGE_KEY = [...badgeFigures(undefined), EMPTY_STATUS_KEY].join(SEP);

/** The status line: health in colour and words, a stateful kind's state, the faults in force. */
function StatusLine({ id, parts }: { id: string; parts: StatusParts }) {
  const [tone, text, faults, stateTone, stateText] = parts;
  return (
    <div className={`cnode__status cnode__status--${tone}`} data-testid={`node-status-${id}`}>
      <span className="cnode__dot" aria-hidden="true" />
      {text}
      {stateText && (
        <span
          className={`cnode__state cnode__state--${stateTone}`}
          data-testid={`node-state-${id}`}
        >
          {stateText}
        </span>
      )}
      {faults && (
        <span className="cnode__faults" data-testid={`node-faults-${id}`}>
          {faults}
        </span>
      )}
    </div>
  );
}

function LiveBadges({ id, isSource }: { id: string; isSource: boolean }) {
  const key = useTelemetry((s) => badgeKey(s.nodes[id]));
  const [rate, errors, p99, queue, inFlight, busy, ...status] = key.split(SEP) as [
    string,
    string,
    string,
    string,
    string,
    string,
    ...StatusParts,
  ];
  return (
    <>
      <StatusLine id={id} parts={status} />
      <dl className="cnode__badges" data-testid={`node-badges-${id}`}>
        <div>
          <dt>{isSource ? 'sent' : 'in'}</dt>
          <dd data-testid={`badge-rate-${id}`}>{rate}</dd>
        </div>
        <div>
          <dt>errors</dt>
          <dd data-testid={`badge-errors-${id}`}>{errors}</dd>
        </div>
        <div>
          <dt>p99</dt>
          <dd data-testid={`badge-p99-${id}`}>{p99}</dd>
        </div>
        {!isSource && (
          <div>
            <dt>queue</dt>
            <dd data-testid={`badge-queue-${id}`}>{queue}</dd>
          </div>
        )}
        <div>
          <dt>{isSource ? 'waiting' : 'in flight'}</dt>
          <dd data-testid={`badge-inflight-${id}`}>{inFlight}</dd>
        </div>
        {!isSource && (
          <div>
            <dt>busy</dt>
            <dd data-testid={`badge-busy-${id}`}>{busy}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

/**
 * The compact view (level-of-detail.ts): the status line and, in place of the figures, a block
 * tinted with the node's health (same size, so nothing moves). It re-renders only when the
 * status changes.
 */
function CompactBadges({ id }: { id: string }) {
  const status = useTelemetry((s) => statusKey(s.nodes[id])).split(SEP) as StatusParts;
  return (
    <>
      <StatusLine id={id} parts={status} />
      <div className={`cnode__summary cnode__summary--${status[0]}`} aria-hidden="true" />
    </>
  );
}

function ComponentNodeView({ id, selected }: NodeProps<ComponentFlowNode>) {
  const node = useApp((s) => nodeById(s.scenario, id));
  const compact = useCompactZoom();
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
        <KindIcon category={category} />
        <div className="cnode__titles">
          <div className="cnode__label">{node.label ?? node.id}</div>
          <div className="cnode__kind">{info?.label ?? node.kind}</div>
        </div>
      </div>
      {compact ? (
        <CompactBadges id={id} />
      ) : (
        <LiveBadges id={id} isSource={info?.isSource === true} />
      )}
      {info?.hasOutput !== false && (
        <Handle type="source" position={Position.Right} aria-label="Output" />
      )}
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
