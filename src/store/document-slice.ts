import type { Position, SimFault, SimGroup, SimScenario } from '../scenario/index.ts';
import type { AppSlice, EditResult, Validator, ConnectionRule } from './app-types.ts';
import * as edits from './document-edits.ts';
import { emptyHistory, record, redo, undo, type History } from './history.ts';

export type ScenarioSource =
  'default' | 'autosave' | 'link' | 'file' | 'builtin' | 'new' | 'recent';

/** The scenario document, its undo history and the edits that change it. */
export interface DocumentSlice {
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
  endDrag(): void;
  addGroup(label: string, position: Position, width: number, height: number): string | null;
  updateGroup(groupId: string, change: Partial<Omit<SimGroup, 'id'>>): EditResult;
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
  updateNodeConfig(nodeId: string, config: Record<string, unknown>): EditResult;
  renameNode(nodeId: string, label: string): EditResult;
  updateEdgeConfig(edgeId: string, config: Record<string, unknown>): EditResult;
  upsertFault(fault: SimFault): EditResult;
  removeFault(faultId: string): void;
  setRunSettings(change: { seed?: number; durationMs?: number }): EditResult;
}

export interface DocumentDeps {
  initial: SimScenario;
  validate: Validator;
  canConnect: ConnectionRule;
}

/** Every edit goes through `commit`: the whole document is validated, then recorded. */
export function documentSlice({
  initial,
  validate,
  canConnect,
}: DocumentDeps): AppSlice<DocumentSlice> {
  return (set, get) => {
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
    // A new document forgets the selection and any half-finished gesture.
    const fresh = { dragBase: null, selectedNodes: [], selectedEdges: [], connectionHint: null };
    // Documents put in place by `open`: undoing or redoing across one swaps the whole
    // document, which counts as a load (the run restarts, the canvas frames it).
    const opened = new WeakSet<SimScenario>();

    const swap = (scenario: SimScenario, history: History<SimScenario>, wholeDocument: boolean) =>
      set((s) => ({
        ...(wholeDocument ? { ...fresh, loadSeq: s.loadSeq + 1 } : {}),
        scenario,
        history,
        revision: s.revision + 1,
      }));

    return {
      scenario: initial,
      source: 'default',
      revision: 0,
      loadSeq: 0,
      history: emptyHistory(),
      dragBase: null,

      load(scenario, source) {
        set((s) => ({
          ...fresh,
          scenario,
          source,
          revision: s.revision + 1,
          loadSeq: s.loadSeq + 1,
          history: emptyHistory(),
        }));
      },
      open(scenario, source) {
        const checked = validate(scenario);
        if (!checked.ok) return checked;
        opened.add(checked.scenario);
        set((s) => ({
          ...fresh,
          scenario: checked.scenario,
          source,
          history: record(s.history, s.scenario),
          revision: s.revision + 1,
          loadSeq: s.loadSeq + 1,
        }));
        return { ok: true };
      },
      apply: commit,
      undo() {
        const current = get().scenario;
        const r = undo(get().history, current);
        if (r) swap(r.value, r.history, opened.has(current));
      },
      redo() {
        const r = redo(get().history, get().scenario);
        if (r) swap(r.value, r.history, opened.has(r.value));
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
      endDrag() {
        const { dragBase, scenario } = get();
        if (!dragBase) return;
        set((s) => ({
          dragBase: null,
          history: dragBase === scenario ? s.history : record(s.history, dragBase),
        }));
      },
      addGroup(label, position, width, height) {
        const id = edits.uniqueId('context', edits.allIds(get().scenario));
        const s = get().scenario;
        const r = commit({ ...s, groups: [...s.groups, { id, label, position, width, height }] });
        if (!r.ok) {
          get().notify('error', `Could not add the group: ${r.errors[0] ?? 'invalid'}`);
          return null;
        }
        get().select([id], []);
        return id;
      },
      updateGroup(groupId, change) {
        const s = get().scenario;
        return commit({
          ...s,
          groups: s.groups.map((g) => (g.id === groupId ? { ...g, ...change } : g)),
        });
      },
      addNode(kind, label, config, position) {
        const { scenario, nodeId } = edits.addNode(get().scenario, kind, label, config, position);
        const r = commit(scenario);
        if (!r.ok) {
          get().notify('error', `Could not add ${label}: ${r.errors[0] ?? 'invalid'}`);
          return null;
        }
        get().select([nodeId], []);
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
        if (r.ok) get().forget([...nodeIds, ...edgeIds]);
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
    };
  };
}
