import { useMemo, useRef, useState } from 'react';
import type { SimFault } from '../../scenario/index.ts';
import { kindInfo, useApp, useStores, type EditResult } from '../../store/index.ts';
import { FaultBar, LANE_HEIGHT_PX } from './fault-bar.tsx';
import { lazyPart, LoadBoundary } from '../primitives/lazy-part.tsx';
import { draftFault, FAULT_TYPES, type FaultGraph } from './fault-spec.ts';
import { Playhead } from './playhead.tsx';
import { TimelineAxis } from './timeline-axis.tsx';
import { assignLanes, windowEndMs } from './timeline-geometry.ts';
import { useElementWidth } from './use-element-width.ts';
import './fault-timeline.css';

// The editor (a form generated from the fault type's schema) is fetched when a fault is first
// opened or added: the timeline itself draws without it.
const faultEditor = lazyPart(() => import('./fault-editor.tsx').then((m) => m.FaultEditor));

function problemOf(result: EditResult): string | null {
  return result.ok ? null : (result.errors[0] ?? 'the change was refused');
}

/** The scenario's graph as the editor sees it; stable while nodes and edges are. */
function useFaultGraph(): FaultGraph {
  const nodes = useApp((s) => s.scenario.nodes);
  const edges = useApp((s) => s.scenario.edges);
  return useMemo(
    () => ({
      nodes,
      edges,
      sources: new Set(nodes.filter((n) => kindInfo(n.kind)?.isSource).map((n) => n.id)),
      kindFaults: new Map(nodes.map((n) => [n.id, kindInfo(n.kind)?.kindFaults ?? []])),
    }),
    [nodes, edges],
  );
}

/**
 * The scenario's faults on a strip from 0 to the run's duration, with the playhead at the
 * current virtual time. Bars move and resize by dragging (one undo step per drag) or with
 * the arrow keys; a selected bar opens an editor row; "Add fault" drafts a new one.
 */
export function FaultTimeline() {
  const { app, telemetry } = useStores();
  const faults = useApp((s) => s.scenario.faults);
  const runMs = useApp((s) => s.scenario.durationMs);
  const graph = useFaultGraph();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<SimFault | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const widthPx = useElementWidth(trackRef);

  const { lanes, count } = useMemo(
    () =>
      assignLanes(
        faults.map((f) => ({ id: f.id, startMs: f.startMs, endMs: windowEndMs(f, runMs) })),
      ),
    [faults, runMs],
  );
  const selected = draft ? null : (faults.find((f) => f.id === selectedId) ?? null);

  const commit = (fault: SimFault): string | null => {
    const problem = problemOf(app.getState().upsertFault(fault));
    setNotice(problem);
    return problem;
  };
  const select = (id: string | null) => {
    setDraft(null);
    setNotice(null);
    setSelectedId(id);
  };
  const remove = (id: string) => {
    app.getState().removeFault(id);
    if (id === selectedId) setSelectedId(null);
  };
  const startAdd = () => {
    const type =
      FAULT_TYPES.find((t) => draftFault(t, graph, faults, 0, runMs)) ?? FAULT_TYPES[0] ?? '';
    const next = draftFault(type, graph, faults, telemetry.getState().timeMs, runMs);
    setSelectedId(null);
    setNotice(next ? null : 'Add a component first: faults target components and connections.');
    setDraft(next);
  };
  const confirmAdd = (): string | null => {
    if (!draft) return null;
    const problem = problemOf(app.getState().upsertFault(draft));
    if (!problem) {
      setSelectedId(draft.id);
      setDraft(null);
    }
    return problem;
  };

  const editing = draft ?? selected;
  return (
    <section
      className="fault-timeline"
      data-testid="fault-timeline"
      aria-label="Fault timeline"
      onKeyDown={(e) => {
        // Escape closes the editor, except inside a field (where it undoes the typing).
        if (e.key === 'Escape' && editing && !(e.target instanceof HTMLInputElement)) {
          select(null);
          e.stopPropagation();
        }
      }}
    >
      <div className="fault-timeline__gutter">
        <span className="fault-timeline__title">Faults</span>
        <button
          type="button"
          className="fault-timeline__add"
          data-testid="add-fault"
          aria-expanded={draft !== null}
          onClick={startAdd}
        >
          + Add fault
        </button>
      </div>
      <div className="fault-timeline__strip">
        <div
          ref={trackRef}
          className="fault-timeline__track"
          style={{ height: Math.max(1, count) * LANE_HEIGHT_PX }}
          onPointerDown={(e) => {
            if (e.target === e.currentTarget) select(null);
          }}
        >
          {faults.length === 0 && (
            <span className="fault-timeline__empty">
              No faults scheduled. Add one to inject a failure at a chosen time.
            </span>
          )}
          {faults.map((f) => (
            <FaultBar
              key={f.id}
              fault={f}
              lane={lanes.get(f.id) ?? 0}
              runMs={runMs}
              graph={graph}
              selected={f.id === selected?.id}
              trackRef={trackRef}
              onSelect={select}
              onCommit={commit}
              onDelete={remove}
            />
          ))}
          <Playhead runMs={runMs} />
        </div>
        <TimelineAxis runMs={runMs} widthPx={widthPx} />
      </div>
      {editing && (
        <LoadBoundary what="The fault editor" fallback={null}>
          <faultEditor.Component
            key={`${draft ? 'add' : 'edit'}:${editing.id}`}
            fault={editing}
            mode={draft ? 'add' : 'edit'}
            graph={graph}
            runMs={runMs}
            onChange={(next) => {
              if (!draft) return commit(next);
              setDraft(next);
              return null;
            }}
            onAdd={confirmAdd}
            onDelete={() => remove(editing.id)}
            onClose={() => select(null)}
          />
        </LoadBoundary>
      )}
      {notice && !editing && (
        <p className="fault-timeline__notice" role="alert" data-testid="fault-timeline-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
