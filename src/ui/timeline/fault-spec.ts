import type { FaultType, SimEdge, SimFault, SimNode } from '../../engine/index.ts';
import { formatSecondsShort, windowEndMs } from './timeline-geometry.ts';

/**
 * What a fault type may target (mirrors the scenario's semantic checks); `kind`: nodes whose
 * kind reacts to that fault type (`kindFaults`).
 */
export type TargetClass = 'node' | 'edge' | 'source' | 'kind';

export interface FaultTypeSpec {
  /** Words for labels: 'error rate'. */
  label: string;
  targets: TargetClass;
}

/** Every fault type, in menu order; a `Record` so a new engine fault type must be added here. */
const SPECS: Record<FaultType, FaultTypeSpec> = {
  crash: { label: 'crash', targets: 'node' },
  hang: { label: 'hang', targets: 'node' },
  'error-rate': { label: 'error rate', targets: 'node' },
  latency: { label: 'latency', targets: 'node' },
  capacity: { label: 'capacity', targets: 'node' },
  partition: { label: 'partition', targets: 'edge' },
  'edge-latency': { label: 'edge latency', targets: 'edge' },
  'traffic-spike': { label: 'traffic spike', targets: 'source' },
  'legacy-format': { label: 'legacy format', targets: 'kind' },
};

export const FAULT_TYPES = Object.keys(SPECS) as readonly FaultType[];

export function faultTypeSpec(type: FaultType): FaultTypeSpec {
  return SPECS[type] ?? { label: type, targets: 'node' };
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
  kindFaults?: ReadonlyMap<string, readonly FaultType[]>;
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
export function targetOptions(graph: FaultGraph, type: FaultType): TargetOption[] {
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

/** A fault of `type` with the window and target given and sensible parameters. */
export function makeFault(
  type: FaultType,
  base: { id: string; target: string; startMs: number; durationMs: number | null },
): SimFault {
  switch (type) {
    case 'error-rate':
      return { ...base, type, rate: 0.5 };
    case 'latency':
      return { ...base, type, addMs: 200, multiplier: 1 };
    case 'capacity':
      return { ...base, type, factor: 0.5, workers: null };
    case 'edge-latency':
      return { ...base, type, addMs: 200 };
    case 'traffic-spike':
      return { ...base, type, multiplier: 5 };
    case 'legacy-format':
      return { ...base, type, rate: 0.1 };
    case 'crash':
    case 'hang':
    case 'partition':
      return { ...base, type };
  }
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
  type: FaultType,
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
export function retypeFault(fault: SimFault, type: FaultType, graph: FaultGraph): SimFault | null {
  const options = targetOptions(graph, type);
  const target = options.some((o) => o.id === fault.target) ? fault.target : options[0]?.id;
  if (target === undefined) return null;
  const { id, startMs, durationMs } = fault;
  return makeFault(type, { id, target, startMs, durationMs });
}
