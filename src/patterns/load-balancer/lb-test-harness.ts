import {
  createSimulation,
  type NodeDetail,
  type NodeFigures,
  type NodeStateLabel,
  type SimFault,
  type TraceEvent,
} from '../../engine/index.ts';
import {
  buildScenario,
  type EdgeSpec,
  type NodeSpec,
} from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { stateLabel, type LoadBalancerState } from './lb-state.ts';

// Shared by the load balancer's tests: a small deterministic topology and helpers.

export const svc = (id: string): NodeSpec => ({
  id,
  kind: 'service',
  config: { workers: 4, serviceTime: { type: 'constant', valueMs: 10 } },
});

/**
 * Client "c" (constant 30/s) → load balancer "lb" → services s1, s2, s3 (4 workers, constant
 * 10 ms), no edge latency. Trace events of the pattern are collected as "type@ms detail".
 */
export function setup(
  opts: {
    lb?: Record<string, unknown>;
    faults?: SimFault[];
    extraNodes?: NodeSpec[];
    extraEdges?: EdgeSpec[];
    targets?: string[];
    durationMs?: number;
  } = {},
) {
  const targets = opts.targets ?? ['s1', 's2', 's3'];
  const spec = {
    seed: 11,
    durationMs: opts.durationMs ?? 60_000,
    nodes: [
      { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 30 } } },
      { id: 'lb', kind: 'load-balancer', config: opts.lb ?? {} },
      ...['s1', 's2', 's3'].map(svc),
      ...(opts.extraNodes ?? []),
    ],
    edges: [
      { source: 'c', target: 'lb' },
      ...targets.map((t) => ({ source: 'lb', target: t })),
      ...(opts.extraEdges ?? []),
    ],
    faults: opts.faults ?? [],
  };
  const events: string[] = [];
  const sim = createSimulation(buildScenario(spec, REGISTRY), {
    registry: REGISTRY,
    trace: (e: TraceEvent) => {
      if (/^(health|outlier|discovery)\./.test(e.type))
        events.push(`${e.type}@${e.timeUs / 1000} ${e.detail ?? ''}`.trim());
    },
  });
  return { sim, events };
}

/** Runs to the end; the caller checks `conserved`. */
export function run(opts: Parameters<typeof setup>[0] = {}) {
  const r = setup(opts);
  r.sim.runToEnd();
  return {
    ...r,
    conserved: r.sim.conservation().ok,
    lb: r.sim.nodeDetail('lb'),
    c: r.sim.nodeDetail('c'),
  };
}

export const fault = (
  target: string,
  startMs: number,
  durationMs: number | null,
  rest: Partial<SimFault> = { type: 'crash' },
): SimFault => ({ id: `${target}-${startMs}`, target, startMs, durationMs, ...rest }) as SimFault;

type Sim = ReturnType<typeof setup>['sim'];

/** The balancer's state label right now, as the canvas shows it. */
export function labelOf(sim: Sim): NodeStateLabel {
  const snap = sim.snapshot().nodes.find((n) => n.id === 'lb');
  if (!snap) throw new Error('no lb');
  return stateLabel(snap.state as LoadBalancerState);
}

/** A node's end-of-run figures, as `report` sees them. */
export function figures(d: NodeDetail, elapsedMs: number): NodeFigures {
  return { arrivals: d.arrivals, completed: d.ok, failed: d.failed, metrics: d.metrics, elapsedMs };
}
