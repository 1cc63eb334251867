import { expect } from 'vitest';
import { createSimulation, type SimFault, type TraceEvent } from '../../engine/index.ts';
import {
  buildScenario,
  type EdgeSpec,
  type NodeSpec,
} from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';

// Shared by the retry kind's tests: a small deterministic chain around one retry node.

/**
 * Client "c" (constant 10/s: `requests` requests at 0, 100, … ms; no timeout unless given)
 * → [above] → retry "r" → [below] → service "s" (constant 10 ms, 100 workers), no edge
 * latency. The run lasts 3 s so every request ends.
 */
export function runRetry(
  opts: {
    retry?: Record<string, unknown>;
    service?: Record<string, unknown>;
    client?: Record<string, unknown>;
    faults?: SimFault[];
    above?: NodeSpec[];
    below?: NodeSpec[];
    noDownstream?: boolean;
    durationMs?: number;
    requests?: number;
  } = {},
) {
  const requests = opts.requests ?? 10;
  const nodes: NodeSpec[] = [
    {
      id: 'c',
      kind: 'client',
      config: { arrival: { type: 'constant', ratePerSec: 10 }, ...opts.client },
    },
    ...(opts.above ?? []),
    { id: 'r', kind: 'retry', config: opts.retry ?? {} },
    {
      id: 's',
      kind: 'service',
      config: { workers: 100, serviceTime: { type: 'constant', valueMs: 10 }, ...opts.service },
    },
  ];
  nodes.splice(-1, 0, ...(opts.below ?? []));
  const ids = (list: NodeSpec[] | undefined) => (list ?? []).map((n) => n.id);
  const below = opts.noDownstream ? [] : [...ids(opts.below), 's'];
  const chain = ['c', ...ids(opts.above), 'r', ...below];
  // Edges e0, e1, … along the chain.
  const edges: EdgeSpec[] = chain
    .slice(1)
    .map((id, i) => ({ source: chain[i] as string, target: id }));
  const events: TraceEvent[] = [];
  const sim = createSimulation(
    buildScenario(
      { seed: 5, durationMs: opts.durationMs ?? 3000, nodes, edges, faults: opts.faults ?? [] },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e) => {
        if (e.type.startsWith('retry.')) events.push(e);
      },
    },
  );
  // The client sends at 10/s: after `requests` requests, slow it to a trickle that sends no more.
  sim.advanceTo(requests * 100 - 50);
  sim.patch({
    type: 'node-config',
    nodeId: 'c',
    config: { arrival: { type: 'constant', ratePerSec: 0.001 } },
  });
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  const at = (type: string) => events.filter((e) => e.type === type).map((e) => e.timeUs / 1000);
  return {
    sim,
    events,
    at,
    c: sim.nodeDetail('c'),
    r: sim.nodeDetail('r'),
    s: sim.nodeDetail('s'),
  };
}

export const crash: SimFault = {
  id: 'crash',
  type: 'crash',
  target: 's',
  startMs: 0,
  durationMs: null,
};
export const FIXED_50 = { backoff: 'fixed', baseMs: 50, jitter: 'none' };
