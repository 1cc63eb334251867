import { useApp } from '../../store/index.ts';
import { lazyPart, LoadBoundary } from '../primitives/lazy-part.tsx';
import { usePreloadWhenIdle } from '../primitives/use-preload-when-idle.ts';
import { GroupInspector } from './group-inspector.tsx';
import { MultiSelection } from './multi-selection.tsx';
import { ScenarioInspector } from './scenario-inspector.tsx';

// A node's and an edge's forms (generated from schemas, with their fault toggles and live
// figures) are fetched when first needed, or when the page is idle: the first screen shows
// the scenario's own fields and does not wait for them.
const nodeInspector = lazyPart(() => import('./node-inspector.tsx').then((m) => m.NodeInspector));
const edgeInspector = lazyPart(() => import('./edge-inspector.tsx').then((m) => m.EdgeInspector));
const preloadForms = () => {
  nodeInspector.preload();
  edgeInspector.preload();
};
const FORM_PENDING = <div aria-busy="true" data-testid="inspector-loading" />;

/**
 * The inspector's content for the current selection: one node, one edge, several elements,
 * or nothing (the scenario itself). Views are keyed by id so that drafts and errors of one
 * element never leak into another.
 */
export function Inspector() {
  usePreloadWhenIdle(preloadForms);
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
  if (node) {
    return (
      <LoadBoundary what="The component's settings" fallback={FORM_PENDING}>
        <nodeInspector.Component key={node.id} node={node} />
      </LoadBoundary>
    );
  }
  if (edge) {
    return (
      <LoadBoundary what="The call's settings" fallback={FORM_PENDING}>
        <edgeInspector.Component key={edge.id} edge={edge} />
      </LoadBoundary>
    );
  }
  if (group) return <GroupInspector key={group.id} group={group} />;
  return <ScenarioInspector />;
}
