import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SimNode, SimScenario } from '../scenario/index.ts';
import type { Health, NodeFrame, NodeStatus } from '../store/index.ts';
import { kindInfo, nodeStatus, statusRule, useApp, useTelemetry } from '../store/index.ts';
import { KindIcon } from './kind-icon.tsx';
import { useLevelOfDetail } from './level-of-detail.ts';
import { badgeFigures } from './node-badges.ts';

/** node.data holds nothing live: everything shown comes from the stores by id. */
export type ComponentFlowNode = Node<Record<string, never>, 'component'>;

// One index per scenario.nodes array, so each node finds itself in O(1) after an edit.
const indexes = new WeakMap<readonly SimNode[], Map<string, SimNode>>();
export function nodeById(s: SimScenario, id: string): SimNode | undefined {
  let index = indexes.get(s.nodes);
  if (!index) {
    index = new Map(s.nodes.map((n) => [n.id, n]));
    indexes.set(s.nodes, index);
  }
  return index.get(id);
}

// Everything a node's badges show, as one string per NodeFrame object, computed once per frame
// object (the telemetry store replaces a node's frame only when it changed, and its status
// only together with a new frame, so a frame object always pairs with one status). One
// selector per node keeps the store's listener count at one per node, and the node re-renders
// only when the text it shows changes.
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

function statusParts(f: NodeFrame | undefined, status: NodeStatus | undefined): StatusParts {
  const h = status ?? nodeStatus(f);
  return [
    h.health,
    h.text,
    f?.faults.join(' · ') ?? '',
    f?.state?.tone ?? '',
    f?.state?.text ?? '',
  ];
}

/** The status line's fields, joined (all a compact node shows). */
function statusKey(f: NodeFrame | undefined, status: NodeStatus | undefined): string {
  if (f === undefined) return EMPTY_STATUS_KEY;
  let key = statusKeys.get(f);
  if (key === undefined) {
    key = statusParts(f, status).join(SEP);
    statusKeys.set(f, key);
  }
  return key;
}

/** Six figures, then the status fields. */
function badgeKey(f: NodeFrame | undefined, status: NodeStatus | undefined): string {
  if (f === undefined) return EMPTY_BADGE_KEY;
  let key = badgeKeys.get(f);
  if (key === undefined) {
    key = [...badgeFigures(f), statusKey(f, status)].join(SEP);
    badgeKeys.set(f, key);
  }
  return key;
}

const EMPTY_STATUS_KEY = statusParts(undefined, undefined).join(SEP);
const EMPTY_BADGE_KEY = [...badgeFigures(undefined), EMPTY_STATUS_KEY].join(SEP);

/** The id of the hidden text that names a node for assistive technology (use-flow-elements). */
export function nodeNameId(id: string): string {
  return `cnode-name-${id}`;
}

/**
 * The status line: health in colour and words (its rule as a tooltip), a stateful kind's state,
 * the faults in force; and the node's accessible name — "Service Orders, Saturated" — as
 * hidden text the node's wrapper points to (aria-labelledby), so it follows the status live.
 */
function StatusLine({ id, title, parts }: { id: string; title: string; parts: StatusParts }) {
  const [tone, text, faults, stateTone, stateText] = parts;
  const name = [`${title}, ${text}`, stateText, faults && `faults in force: ${faults}`].filter(
    Boolean,
  );
  return (
    <>
      <span id={nodeNameId(id)} hidden>
        {name.join(', ')}
      </span>
      <div
        className={`cnode__status cnode__status--${tone}`}
        data-testid={`node-status-${id}`}
        title={`${text}: ${statusRule(tone as Health)}`}
      >
        <span className="cnode__dot" aria-hidden="true" />
        <span className="cnode__word">{text}</span>
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
    </>
  );
}

interface BadgeProps {
  id: string;
  title: string;
  isSource: boolean;
  /** The glance view (level-of-detail.ts): only the rate, the error share and p99, large. */
  glance: boolean;
}

function LiveBadges({ id, title, isSource, glance }: BadgeProps) {
  const key = useTelemetry((s) => badgeKey(s.nodes[id], s.statuses[id]));
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
      <StatusLine id={id} title={title} parts={status} />
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
        {!isSource && !glance && (
          <div>
            <dt>queue</dt>
            <dd data-testid={`badge-queue-${id}`}>{queue}</dd>
          </div>
        )}
        {!glance && (
          <div>
            <dt>{isSource ? 'waiting' : 'in flight'}</dt>
            <dd data-testid={`badge-inflight-${id}`}>{inFlight}</dd>
          </div>
        )}
        {!isSource && !glance && (
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
function CompactBadges({ id, title }: { id: string; title: string }) {
  const status = useTelemetry((s) => statusKey(s.nodes[id], s.statuses[id])).split(
    SEP,
  ) as StatusParts;
  return (
    <>
      <StatusLine id={id} title={title} parts={status} />
      <div className={`cnode__summary cnode__summary--${status[0]}`} aria-hidden="true" />
    </>
  );
}

function ComponentNodeView({ id, selected }: NodeProps<ComponentFlowNode>) {
  const node = useApp((s) => nodeById(s.scenario, id));
  const detail = useLevelOfDetail();
  if (!node) return null;
  const info = kindInfo(node.kind);
  const category = info?.category ?? 'compute';
  // "Service Orders": kind, then label (the accessible name's first part).
  const title = `${info?.label ?? node.kind} ${node.label ?? node.id}`;
  return (
    <div
      className={`cnode cnode--${category} cnode--${detail}${selected ? ' cnode--selected' : ''}`}
      data-testid={`node-${id}`}
    >
      {!info?.isSource && <Handle type="target" position={Position.Left} aria-label="Input" />}
      <div className="cnode__head">
        <KindIcon category={category} />
        <div className="cnode__titles">
          <div className="cnode__label">{node.label ?? node.id}</div>
          <div className="cnode__kind">{info?.label ?? node.kind}</div>
        </div>
      </div>
      {detail === 'compact' ? (
        <CompactBadges id={id} title={title} />
      ) : (
        <LiveBadges
          id={id}
          title={title}
          isSource={info?.isSource === true}
          glance={detail === 'glance'}
        />
      )}
      {info?.hasOutput !== false && (
        <Handle type="source" position={Position.Right} aria-label="Output" />
      )}
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
