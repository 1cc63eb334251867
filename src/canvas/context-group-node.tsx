import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SimGroup, SimScenario } from '../scenario/index.ts';
import { useApp } from '../store/index.ts';

/** A bounded context: a labelled region drawn behind the components it groups. */
export type ContextGroupFlowNode = Node<Record<string, never>, 'context'>;

export const GROUP_MIN_SIZE = 120;

const indexes = new WeakMap<readonly SimGroup[], Map<string, SimGroup>>();
function groupById(s: SimScenario, id: string): SimGroup | undefined {
  let index = indexes.get(s.groups);
  if (!index) {
    index = new Map(s.groups.map((g) => [g.id, g]));
    indexes.set(s.groups, index);
  }
  return index.get(id);
}

function ContextGroupView({ id, selected }: NodeProps<ContextGroupFlowNode>) {
  const group = useApp((s) => groupById(s.scenario, id));
  if (!group) return null;
  return (
    <div
      className={`cgroup${selected ? ' cgroup--selected' : ''}`}
      data-testid={`group-${id}`}
      aria-label={`Bounded context ${group.label}`}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={GROUP_MIN_SIZE}
        minHeight={GROUP_MIN_SIZE}
        lineClassName="cgroup__resize-line"
        handleClassName="cgroup__resize-handle"
      />
      <div className="cgroup__label">{group.label}</div>
    </div>
  );
}

export const ContextGroupNode = memo(ContextGroupView);
