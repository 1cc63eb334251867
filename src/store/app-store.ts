import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Position, SimFault, SimGroup, SimScenario } from '../engine/index.ts';
import * as edits from './document-edits.ts';
import { emptyHistory, record, redo, undo, type History } from './history.ts';

/** Outcome of an edit: applied, or refused with messages naming the fields. */
export type EditResult = { ok: true } | { ok: false; errors: string[] };

export type Validator = (
  s: SimScenario,
) => { ok: true; scenario: SimScenario } | { ok: false; errors: string[] };
export type ConnectionRule = (
  s: SimScenario,
  source: string,
  target: string,
) => { ok: true } | { ok: false; reason: string };

export interface Banner {
  id: number;
  tone: 'error' | 'info';
  message: string;
}

export type ScenarioSource = 'default' | 'autosave' | 'link' | 'file' | 'builtin';

export interface AppState {
  scenario: SimScenario;
  /** Where the current scenario came from; a fresh load resets history. */
  source: ScenarioSource;
  /** Increments whenever the document changes (cheap change detection for autosave). */
  revision: number;
  /** Increments on every `load` (a new document, not an edit): the run restarts. */
  loadSeq: number;
  history: History<SimScenario>;
  /** Snapshot taken when a drag starts; one undo entry per drag. */
  dragBase: SimScenario | null;
  selectedNodes: readonly string[];
  selectedEdges: readonly string[];
  clipboard: edits.Clipboard | null;
  banners: readonly Banner[];
  /** Last refused connection, shown next to the canvas. */
  connectionHint: string | null;

  load(scenario: SimScenario, source: ScenarioSource): void;
  /**
   * Opens another document as one undo step (built-ins, imported files): the run restarts,
   * and Undo brings the previous document back, so opening never loses work.
   */
  open(scenario: SimScenario, source: ScenarioSource): EditResult;
  /** Validates and commits an edit as one undo step. */
  apply(next: SimScenario): EditResult;
  undo(): void;
  redo(): void;
  beginDrag(): void;
  dragTo(positions: ReadonlyMap<string, Position>): void;
  /**
   * Changes the document during a gesture (drag, resize) without validation or history;
   * `endDrag` records the whole gesture as one undo step.
   */
  transient(change: (s: SimScenario) => SimScenario): void;
  addGroup(label: string, position: Position, width: number, height: number): string | null;
  updateGroup(groupId: string, change: Partial<Omit<SimGroup, 'id'>>): EditResult;
  endDrag(): void;
  select(nodes: readonly string[], edges: readonly string[]): void;
  addNode(
    kind: string,
    label: string,
    config: Record<string, unknown>,
    position: Position,
  ): string | null;
  connect(source: string, target: string): EditResult;
  /** The connection rule's verdict without connecting (live feedback while dragging). */
  checkConnection(source: string, target: string): { ok: true } | { ok: false; reason: string };
  removeElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  clearConnectionHint(): void;
  updateNodeConfig(nodeId: string, config: Record<string, unknown>): EditResult;
  renameNode(nodeId: string, label: string): EditResult;
  updateEdgeConfig(edgeId: string, config: Record<string, unknown>): EditResult;
  upsertFault(fault: SimFault): EditResult;
  removeFault(faultId: string): void;
  setRunSettings(change: { seed?: number; durationMs?: number }): EditResult;
  deleteSelection(): void;
  copySelection(): void;
  paste(): void;
  duplicateSelection(): void;
  notify(tone: Banner['tone'], message: string): void;
  dismissBanner(id: number): void;
}

export interface AppStoreDeps {
  initial: SimScenario;
  validate: Validator;
  canConnect: ConnectionRule;
}

export type AppStore = StoreApi<AppState>;

let bannerSeq = 0;
const PASTE_OFFSET = { x: 40, y: 40 };

export function createAppStore({ initial, validate, canConnect }: AppStoreDeps): AppStore {
  return createStore<AppState>()((set, get) => {
    const commit = (next: SimScenario): EditResult => {
      const { scenario } = get();
      if (next === scenario) return { ok: true };
      const checked = validate(next);
      if (!checked.ok) return checked;
      set((s) => ({
        scenario: checked.scenario,
        history: record(s.history, scenario),
        revision: s.revision + 1,
      }));
      return { ok: true };
    };

    return {
      scenario: initial,
      source: 'default',
      revision: 0,
      loadSeq: 0,
      history: emptyHistory(),
      dragBase: null,
      selectedNodes: [],
      selectedEdges: [],
      clipboard: null,
      banners: [],
      connectionHint: null,

      load(scenario, source) {
        set((s) => ({
          scenario,
          source,
          revision: s.revision + 1,
          loadSeq: s.loadSeq + 1,
          history: emptyHistory(),
          dragBase: null,
          selectedNodes: [],
          selectedEdges: [],
          connectionHint: null,
        }));
      },
      open(scenario, source) {
        const checked = validate(scenario);
        if (!checked.ok) return checked;
        set((s) => ({
          scenario: checked.scenario,
          source,
          history: record(s.history, s.scenario),
          revision: s.revision + 1,
          loadSeq: s.loadSeq + 1,
          dragBase: null,
          selectedNodes: [],
          selectedEdges: [],
          connectionHint: null,
        }));
        return { ok: true };
      },
      apply: commit,
      undo() {
        const r = undo(get().history, get().scenario);
        if (r) set((s) => ({ scenario: r.value, history: r.history, revision: s.revision + 1 }));
      },
      redo() {
        const r = redo(get().history, get().scenario);
        if (r) set((s) => ({ scenario: r.value, history: r.history, revision: s.revision + 1 }));
      },
      beginDrag() {
        if (!get().dragBase) set({ dragBase: get().scenario });
      },
      dragTo(positions) {
        // Positions need no validation; history is recorded once at the end of the drag.
        get().transient((s) => edits.moveNodes(s, positions));
      },
      transient(change) {
        if (!get().dragBase) set({ dragBase: get().scenario });
        set((s) => ({ scenario: change(s.scenario), revision: s.revision + 1 }));
      },
      addGroup(label, position, width, height) {
        const id = edits.uniqueId('context', edits.allIds(get().scenario));
        const s = get().scenario;
        const r = commit({ ...s, groups: [...s.groups, { id, label, position, width, height }] });
        if (!r.ok) {
          get().notify('error', `Could not add the group: ${r.errors[0] ?? 'invalid'}`);
          return null;
        }
        set({ selectedNodes: [id], selectedEdges: [] });
        return id;
      },
      updateGroup(groupId, change) {
        const s = get().scenario;
        return commit({
          ...s,
          groups: s.groups.map((g) => (g.id === groupId ? { ...g, ...change } : g)),
        });
      },
      endDrag() {
        const { dragBase, scenario } = get();
        if (!dragBase) return;
        set((s) => ({
          dragBase: null,
          history: dragBase === scenario ? s.history : record(s.history, dragBase),
        }));
      },
      select(nodes, edges) {
        const s = get();
        const same = (a: readonly string[], b: readonly string[]) =>
          a.length === b.length && a.every((x, i) => x === b[i]);
        if (same(s.selectedNodes, nodes) && same(s.selectedEdges, edges)) return;
        set({ selectedNodes: nodes, selectedEdges: edges });
      },
      addNode(kind, label, config, position) {
        const { scenario, nodeId } = edits.addNode(get().scenario, kind, label, config, position);
        const r = commit(scenario);
        if (!r.ok) {
          get().notify('error', `Could not add ${label}: ${r.errors[0] ?? 'invalid'}`);
          return null;
        }
        set({ selectedNodes: [nodeId], selectedEdges: [] });
        return nodeId;
      },
      connect(source, target) {
        const rule = canConnect(get().scenario, source, target);
        if (!rule.ok) {
          set({ connectionHint: rule.reason });
          return { ok: false, errors: [rule.reason] };
        }
        set({ connectionHint: null });
        return commit(edits.addEdge(get().scenario, source, target).scenario);
      },
      checkConnection(source, target) {
        return canConnect(get().scenario, source, target);
      },
      removeElements(nodeIds, edgeIds) {
        const r = commit(edits.removeElements(get().scenario, nodeIds, edgeIds));
        if (r.ok) {
          const gone = new Set([...nodeIds, ...edgeIds]);
          set((s) => ({
            selectedNodes: s.selectedNodes.filter((id) => !gone.has(id)),
            selectedEdges: s.selectedEdges.filter((id) => !gone.has(id)),
          }));
        }
      },
      clearConnectionHint() {
        if (get().connectionHint) set({ connectionHint: null });
      },
      updateNodeConfig(nodeId, config) {
        const node = get().scenario.nodes.find((n) => n.id === nodeId);
        if (!node) return { ok: false, errors: [`no node with id "${nodeId}"`] };
        return commit(
          edits.updateNode(get().scenario, nodeId, { config: { ...node.config, ...config } }),
        );
      },
      renameNode(nodeId, label) {
        return commit(edits.updateNode(get().scenario, nodeId, { label }));
      },
      updateEdgeConfig(edgeId, config) {
        return commit(edits.updateEdgeConfig(get().scenario, edgeId, config));
      },
      upsertFault(fault) {
        return commit(edits.upsertFault(get().scenario, fault));
      },
      removeFault(faultId) {
        commit(edits.removeFault(get().scenario, faultId));
      },
      setRunSettings(change) {
        return commit({ ...get().scenario, ...change });
      },
      deleteSelection() {
        const { selectedNodes, selectedEdges, scenario } = get();
        const r = commit(edits.removeElements(scenario, selectedNodes, selectedEdges));
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
        if (commit(scenario).ok) {
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
      notify(tone, message) {
        set((s) => ({ banners: [...s.banners.slice(-3), { id: ++bannerSeq, tone, message }] }));
      },
      dismissBanner(id) {
        set((s) => ({ banners: s.banners.filter((b) => b.id !== id) }));
      },
    };
  });
}
