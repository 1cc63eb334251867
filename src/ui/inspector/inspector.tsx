import { useApp } from '../../store/index.ts';
import { EdgeInspector } from './edge-inspector.tsx';
import { GroupInspector } from './group-inspector.tsx';
import { MultiSelection } from './multi-selection.tsx';
import { NodeInspector } from './node-inspector.tsx';
import { ScenarioInspector } from './scenario-inspector.tsx';

/**
 * The inspector's content for the current selection: one node, one edge, several elements,
 * or nothing (the scenario itself). Views are keyed by id so that drafts and errors of one
 * element never leak into another.
 */
export function Inspector() {
  const selectedNodes = useApp((s) => s.selectedNodes);
  const selectedEdges = useApp((s) => s.selectedEdges);
  const single =
    selectedNodes.length + selectedEdges.length === 1
      ? (selectedNodes[0] ?? selectedEdges[0] ?? null)
      : null;
  const node = useApp((s) => (single ? s.scenario.nodes.find((n) => n.id === single) : undefined));
  const edge = useApp((s) => (single ? s.scenario.edges.find((e) => e.id === single) : undefined));
  const group = useApp((s) =>
    single ? s.scenario.groups.find((g) => g.id === single) : undefined,
  );

  if (selectedNodes.length + selectedEdges.length > 1) {
    return <MultiSelection nodes={selectedNodes.length} edges={selectedEdges.length} />;
  }
  if (node) return <NodeInspector key={node.id} node={node} />;
  if (edge) return <EdgeInspector key={edge.id} edge={edge} />;
  if (group) return <GroupInspector key={group.id} group={group} />;
  return <ScenarioInspector />;
}
