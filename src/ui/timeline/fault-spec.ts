import type { SimEdge, SimFault, SimNode } from '../../scenario/index.ts';
import type { FaultTargetClass } from '../../store/index.ts';
import { FAULT_CATALOG, faultInfo } from '../../store/index.ts';
import { formatSecondsShort, windowEndMs } from './timeline-geometry.ts';

export interface FaultTypeSpec {
  /** Words for labels: 'error rate'. */
  label: string;
  /** What the type may target; `kind`: nodes whose kind declares it (`kindFaults`). */
  targets: FaultTargetClass;
}

/** Every registered fault type, in menu order. */
export const FAULT_TYPES: readonly string[] = FAULT_CATALOG.map((f) => f.type);

export function faultTypeSpec(type: string): FaultTypeSpec {
  return faultInfo(type) ?? { label: type, targets: 'node' };
}

export interface TargetOption {
  id: string;
  label: string;
}

/** What the editor needs to know about the scenario's graph. */
export interface FaultGraph {
  nodes: readonly Pick<SimNode, 'id' | 'label'>[];
  edges: readonly Pick<SimEdge, 'id' | 'source' | 'target' | 'label'>[];
  /** Ids of traffic sources (traffic spikes target them only). */
  sources: ReadonlySet<string>;
  /** Node id → the kind-specific fault types its kind reacts to (absent: none). */
  kindFaults?: ReadonlyMap<string, readonly string[]>;
}

function nodeName(graph: FaultGraph, id: string): string {
  const node = graph.nodes.find((n) => n.id === id);
  return node ? node.label || node.id : id;
}

/** A target in words: a node's label, or 'users → orders' for an edge. */
export function targetLabel(graph: FaultGraph, targetId: string): string {
  const edge = graph.edges.find((e) => e.id === targetId);
  if (edge)
    return edge.label || `${nodeName(graph, edge.source)} → ${nodeName(graph, edge.target)}`;
  return nodeName(graph, targetId);
}

/** Valid targets for a fault type. Services are listed before sources for node faults. */
export function targetOptions(graph: FaultGraph, type: string): TargetOption[] {
  const targets = faultTypeSpec(type).targets;
  if (targets === 'edge')
    return graph.edges.map((e) => ({ id: e.id, label: targetLabel(graph, e.id) }));
  const nodes = graph.nodes.filter((n) =>
    targets === 'source'
      ? graph.sources.has(n.id)
      : targets === 'kind'
        ? (graph.kindFaults?.get(n.id)?.includes(type) ?? false)
        : true,
  );
  const ordered =
    targets === 'node'
      ? [
          ...nodes.filter((n) => !graph.sources.has(n.id)),
          ...nodes.filter((n) => graph.sources.has(n.id)),
        ]
      : nodes;
  return ordered.map((n) => ({ id: n.id, label: n.label || n.id }));
}

/** 'crash · orders' */
export function faultTitle(fault: SimFault, graph: FaultGraph): string {
  return `${faultTypeSpec(fault.type).label} · ${targetLabel(graph, fault.target)}`;
}

/** 'crash on orders from 30 s to 50 s' — the bar's accessible name. */
export function faultAriaLabel(fault: SimFault, graph: FaultGraph, runMs: number): string {
  const what = `${faultTypeSpec(fault.type).label} on ${targetLabel(graph, fault.target)}`;
  const from = formatSecondsShort(fault.startMs);
  if (fault.durationMs === null) return `${what} from ${from} until the end`;
  return `${what} from ${from} to ${formatSecondsShort(windowEndMs(fault, runMs))}`;
}

/** A fresh id: f1, f2, … the first one not taken. */
export function newFaultId(faults: readonly Pick<SimFault, 'id'>[]): string {
  const taken = new Set(faults.map((f) => f.id));
  for (let n = 1; ; n++) if (!taken.has(`f${n}`)) return `f${n}`;
}

/** A fault of `type` with the window and target given and its type's starting parameters. */
export function makeFault(
  type: string,
  base: { id: string; target: string; startMs: number; durationMs: number | null },
): SimFault {
  return { ...base, type, ...faultInfo(type)?.newParams };
}

export const DEFAULT_FAULT_MS = 20_000;
const DEFAULT_START_MS = 10_000;

/**
 * The window of a new fault: from the current time (whole seconds) when a run is under way,
 * else 10 s; 20 s long, cut at the run's end; always inside the run.
 */
export function defaultWindow(
  nowMs: number,
  runMs: number,
): { startMs: number; durationMs: number } {
  const run = Math.max(runMs, 1000);
  let startMs = nowMs > 0 ? Math.floor(nowMs / 1000) * 1000 : DEFAULT_START_MS;
  if (startMs >= run - 1000) startMs = Math.max(0, Math.min(DEFAULT_START_MS, run / 2));
  startMs = Math.floor(startMs / 100) * 100;
  return { startMs, durationMs: Math.min(DEFAULT_FAULT_MS, run - startMs) };
}

/** A new fault for the add editor: first valid target, default window; null without one. */
export function draftFault(
  type: string,
  graph: FaultGraph,
  faults: readonly Pick<SimFault, 'id'>[],
  nowMs: number,
  runMs: number,
): SimFault | null {
  const target = targetOptions(graph, type)[0];
  if (!target) return null;
  return makeFault(type, {
    id: newFaultId(faults),
    target: target.id,
    ...defaultWindow(nowMs, runMs),
  });
}

/** The same fault as another type: window and id kept, target kept when still valid. */
export function retypeFault(fault: SimFault, type: string, graph: FaultGraph): SimFault | null {
  const options = targetOptions(graph, type);
  const target = options.some((o) => o.id === fault.target) ? fault.target : options[0]?.id;
  if (target === undefined) return null;
  const { id, startMs, durationMs } = fault;
  return makeFault(type, { id, target, startMs, durationMs });
}
