import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { createSimulation } from '../engine/index.ts';
import { median } from './bench-measure.ts';
import { runHoldModel } from './bare-kernel.ts';
import {
  benchScenarios,
  chainScenario,
  CHAIN_LENGTH,
  FANOUT_WIDTH,
  fanoutScenario,
} from './bench-scenarios.ts';

// Shapes and figures only: timing belongs in `npm run bench`, never in a test.
function run(scenario: ReturnType<typeof chainScenario>) {
  const sim = createSimulation(scenario);
  sim.runToEnd();
  return sim.summary();
}

describe('bench scenarios', () => {
  it(
    'chain-5: ~1000 req/s flow through all five services, conservation holds',
    budget(1, 500),
    () => {
      const s = run(chainScenario(3000));
      expect(s.conservation.ok).toBe(true);
      const sent = s.clients['client']?.sent ?? 0;
      expect(sent).toBeGreaterThan(2700); // Poisson 1000/s · 3 s: sd ≈ 55
      expect(sent).toBeLessThan(3300);
      expect(Object.keys(s.nodes)).toEqual(['s1', 's2', 's3', 's4', 's5']);
      for (const node of Object.values(s.nodes)) {
        expect(node.arrivals).toBeGreaterThan(sent - 20); // only the requests in flight are missing
        expect(node.failed).toEqual({});
      }
      // Five hops of 0.5 ms work at ~12 % utilisation: a little over 2.5 ms end to end.
      expect(s.clients['client']?.latencyMs.mean).toBeGreaterThan(2.5);
      expect(s.clients['client']?.latencyMs.mean).toBeLessThan(3.5);
      expect(CHAIN_LENGTH).toBe(5);
    },
  );

  it('fanout-20: each request reaches all 20 leaves in parallel', budget(1, 500), () => {
    const s = run(fanoutScenario(1000));
    expect(s.conservation.ok).toBe(true);
    const sent = s.clients['client']?.sent ?? 0;
    expect(sent).toBeGreaterThan(850);
    expect(sent).toBeLessThan(1150);
    const gateway = s.nodes['gateway'];
    expect(gateway?.arrivals).toBeGreaterThan(sent - 20);
    const leaves = Object.keys(s.nodes).filter((id) => id.startsWith('leaf'));
    expect(leaves).toHaveLength(FANOUT_WIDTH);
    for (const id of leaves)
      expect(s.nodes[id]?.arrivals).toBeGreaterThan((gateway?.arrivals ?? 0) - 20);
    // Parallel: the latency is the slowest of 20 leaves (≈ 0.5 ms · H20 ≈ 1.8 ms) plus 0.5 ms.
    expect(s.clients['client']?.latencyMs.mean).toBeLessThan(4);
  });

  it('quick and full sets name the same benchmarks with shorter runs', () => {
    const quick = benchScenarios(true);
    const full = benchScenarios(false);
    expect(quick.map((b) => b.name)).toEqual(['chain-5', 'fanout-20']);
    expect(full.map((b) => b.name)).toEqual(['chain-5', 'fanout-20']);
    quick.forEach((b, i) =>
      expect(b.scenario.durationMs).toBeLessThan(full[i]?.scenario.durationMs ?? 0),
    );
  });
});

describe('bare kernel hold model', () => {
  it('processes exactly the requested events, deterministically, at the expected pace', () => {
    const options = { events: 50_000, pending: 100, meanDelayUs: 500, seed: 3 };
    const a = runHoldModel(options);
    expect(runHoldModel(options)).toEqual(a);
    expect(a.events).toBe(50_000);
    // Hold model: `pending` events per mean delay, so time ≈ events · mean / pending = 250 ms.
    expect(a.endTimeUs).toBeGreaterThan(225_000);
    expect(a.endTimeUs).toBeLessThan(275_000);
  });

  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
