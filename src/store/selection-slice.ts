import type { AppSlice } from './app-types.ts';
import * as edits from './document-edits.ts';

const PASTE_OFFSET = { x: 40, y: 40 };

/** What is selected on the canvas, the clipboard, and the edits that act on them. */
export interface SelectionSlice {
  selectedNodes: readonly string[];
  selectedEdges: readonly string[];
  clipboard: edits.Clipboard | null;
  select(nodes: readonly string[], edges: readonly string[]): void;
  /** Drops removed ids from the selection. */
  forget(ids: readonly string[]): void;
  deleteSelection(): void;
  copySelection(): void;
  paste(): void;
  duplicateSelection(): void;
}

export const selectionSlice: AppSlice<SelectionSlice> = (set, get) => ({
  selectedNodes: [],
  selectedEdges: [],
  clipboard: null,

  select(nodes, edges) {
    const s = get();
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((x, i) => x === b[i]);
    if (same(s.selectedNodes, nodes) && same(s.selectedEdges, edges)) return;
    set({ selectedNodes: nodes, selectedEdges: edges });
  },
  forget(ids) {
    const gone = new Set(ids);
    set((s) => ({
      selectedNodes: s.selectedNodes.filter((id) => !gone.has(id)),
      selectedEdges: s.selectedEdges.filter((id) => !gone.has(id)),
    }));
  },
  deleteSelection() {
    const { selectedNodes, selectedEdges, scenario } = get();
    const r = get().apply(edits.removeElements(scenario, selectedNodes, selectedEdges));
    if (r.ok) set({ selectedNodes: [], selectedEdges: [] });
  },
  copySelection() {
    const { selectedNodes, scenario } = get();
    if (selectedNodes.length) set({ clipboard: edits.copyElements(scenario, selectedNodes) });
  },
  paste() {
    const clip = get().clipboard;
    if (!clip) return;
    const { scenario, nodeIds } = edits.pasteElements(get().scenario, clip, PASTE_OFFSET);
    if (get().apply(scenario).ok) {
      set({
        selectedNodes: nodeIds,
        selectedEdges: [],
        // Successive pastes cascade instead of stacking exactly on top of each other.
        clipboard: edits.copyElements(get().scenario, nodeIds),
      });
    }
  },
  duplicateSelection() {
    get().copySelection();
    get().paste();
  },
});
