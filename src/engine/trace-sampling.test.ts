import { describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.ts';
import type { TraceEvent } from './model/context.ts';
import { buildScenario } from './testing/scenario-builder.ts';

const spec = (errorRate: number) =>
  buildScenario({
    seed: 3,
    durationMs: 5000,
    nodes: [
      { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 100 } } },
      { id: 's', kind: 'service', config: { workers: 4, errorRate } },
    ],
    edges: [{ source: 'c', target: 's' }],
  });

function traced(errorRate: number, every: number): TraceEvent[] {
  const events: TraceEvent[] = [];
  createSimulation(spec(errorRate), {
    trace: (e) => events.push(e),
    traceHopsEvery: every,
  }).runToEnd();
  return events;
}

describe('trace sampling', () => {
  it('with hop sampling, routine successes are traced for one request in N only', () => {
    const ok = traced(0, 50).filter((e) => e.type === 'request.succeeded');
    expect(ok.length).toBeGreaterThan(5);
    expect(ok.every((e) => (e.requestId ?? -1) % 50 === 0)).toBe(true);
    const hops = traced(0, 50).filter((e) => e.type === 'call.sent');
    expect(hops.every((e) => (e.requestId ?? -1) % 50 === 0)).toBe(true);
  });

  it('failures are always traced, sampled or not', () => {
    const failed = traced(0.5, 50).filter((e) => e.type === 'request.failed');
    expect(failed.length).toBeGreaterThan(100);
    expect(failed.some((e) => (e.requestId ?? 0) % 50 !== 0)).toBe(true);
  });

  it('without sampling every request is traced', () => {
    const ok = traced(0, 0).filter((e) => e.type === 'request.succeeded');
    expect(ok.length).toBeGreaterThan(450);
  });
});
