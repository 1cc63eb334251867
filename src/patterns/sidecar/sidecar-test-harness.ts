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
import { routingLabel } from './machine.ts';
import type { SidecarState } from './sidecar-state.ts';

// Shared by the sidecar kind's tests: a small deterministic topology and helpers.

/**
 * Client "c" (constant 10/s: requests at 0, 100, … ms) → [above] → sidecar "sc" → services
 * s1, s2, s3 (100 workers, constant 10 ms), no edge latency. `weights` are the sidecar's
 * edge weights (default 1 each). Pattern trace events are kept as "type@ms detail".
 */
export function setup(
  opts: {
    sidecar?: Record<string, unknown>;
    client?: Record<string, unknown>;
    faults?: SimFault[];
    weights?: number[];
    targets?: string[];
    above?: NodeSpec;
    /** More nodes and edges, e.g. a limiter the sidecar calls instead of one service. */
    extraNodes?: NodeSpec[];
    extraEdges?: EdgeSpec[];
    durationMs?: number;
  } = {},
) {
  const targets = opts.targets ?? ['s1', 's2', 's3'];
  const head = opts.above ? opts.above.id : 'sc';
  const spec = {
    seed: 7,
    durationMs: opts.durationMs ?? 10_000,
    nodes: [
      {
        id: 'c',
        kind: 'client',
        config: { arrival: { type: 'constant', ratePerSec: 10 }, ...opts.client },
      },
      ...(opts.above ? [opts.above] : []),
      { id: 'sc', kind: 'sidecar', config: opts.sidecar ?? {} },
      ...['s1', 's2', 's3'].map((id) => ({
        id,
        kind: 'service',
        config: { workers: 100, serviceTime: { type: 'constant', valueMs: 10 } },
      })),
      ...(opts.extraNodes ?? []),
    ],
    edges: [
      { source: 'c', target: head },
      ...(opts.above ? [{ source: head, target: 'sc' }] : []),
      ...targets.map((t, i) => ({
        source: 'sc',
        target: t,
        config: { weight: opts.weights?.[i] ?? 1 },
      })),
      ...(opts.extraEdges ?? []),
    ],
    faults: opts.faults ?? [],
  };
  const events: string[] = [];
  const sim = createSimulation(buildScenario(spec, REGISTRY), {
    registry: REGISTRY,
    trace: (e: TraceEvent) => {
      if (e.type.startsWith('sidecar.'))
        events.push(`${e.type}@${e.timeUs / 1000} ${e.detail ?? ''}`.trim());
    },
  });
  return { sim, events };
}

export function run(opts: Parameters<typeof setup>[0] = {}) {
  const r = setup(opts);
  r.sim.runToEnd();
  const d = (id: string) => r.sim.nodeDetail(id);
  return {
    ...r,
    conserved: r.sim.conservation().ok,
    sc: d('sc'),
    c: d('c'),
    s1: d('s1'),
    s2: d('s2'),
    s3: d('s3'),
  };
}

export const fault = (
  target: string,
  startMs: number,
  durationMs: number | null,
  rest: Partial<SimFault> = { type: 'crash' },
): SimFault => ({ id: `${target}-${startMs}`, target, startMs, durationMs, ...rest }) as SimFault;

export const errors = (target: string, startMs = 0, durationMs: number | null = null) =>
  fault(target, startMs, durationMs, { type: 'error-rate', rate: 1 });

type Sim = ReturnType<typeof setup>['sim'];

/** The sidecar's label right now, as the canvas shows it. */
export function labelOf(sim: Sim): NodeStateLabel {
  const snap = sim.snapshot().nodes.find((n) => n.id === 'sc');
  if (!snap) throw new Error('no sidecar');
  return routingLabel((snap.state as SidecarState).routing);
}

/** A node's end-of-run figures, as `report` sees them. */
export function figures(d: NodeDetail, elapsedMs: number): NodeFigures {
  return { arrivals: d.arrivals, completed: d.ok, failed: d.failed, metrics: d.metrics, elapsedMs };
}

export const failures = (d: NodeDetail) => Object.values(d.failed).reduce((a, b) => a + b, 0);
