import { useStores } from '../../store/index.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 nodes selected" or "2 nodes and 1 edge selected". */
export function selectionText(nodes: number, edges: number): string {
  const parts = [nodes ? plural(nodes, 'node') : '', edges ? plural(edges, 'edge') : ''];
  return `${parts.filter(Boolean).join(' and ')} selected`;
}

/** Several elements selected: how many, and a way to delete them all. */
export function MultiSelection({ nodes, edges }: { nodes: number; edges: number }) {
  const stores = useStores();
  return (
    <div className="insp-view" data-testid="inspector-multi">
      <p className="insp-multi__count" data-testid="inspector-selection-count">
        {selectionText(nodes, edges)}
      </p>
      <button
        type="button"
        className="insp-button insp-button--danger"
        data-testid="inspector-delete-selection"
        onClick={() => stores.app.getState().deleteSelection()}
      >
        Delete
      </button>
      <p className="insp-muted insp-small">Select a single node or edge to edit it.</p>
    </div>
  );
}
