import { describe, expect, it } from 'vitest';
import { createSimulation, type SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { EVENTS_PER_SEC, retryStorm, scaleChain, scaleFanout } from './bench-scale-scenarios.ts';

// Shapes and figures only: timing belongs in `npm run bench`, never in a test.
function run(scenario: SimScenario) {
  const sim = createSimulation(scenario, { registry: REGISTRY });
  sim.runToEnd();
  return sim;
}

describe('bench scale scenarios', () => {
  it('10 or 1000 nodes process the same events per simulated second', () => {
    const durationMs = 20_000;
    for (const build of [scaleChain, scaleFanout]) {
      for (const nodes of [10, 1000]) {
        const scenario = build(nodes, durationMs);
        expect(scenario.nodes).toHaveLength(nodes);
        const summary = run(scenario).summary();
        expect(summary.conservation.ok).toBe(true);
        const perSec = summary.events / (durationMs / 1000);
        // A request down the long chain takes half a second: the last ones are still on
        // their way at the end.
        expect(perSec, `${build.name} ${nodes}`).toBeGreaterThan(EVENTS_PER_SEC * 0.97);
        expect(perSec, `${build.name} ${nodes}`).toBeLessThan(EVENTS_PER_SEC * 1.01);
      }
    }
  }, 120_000);

  it('the retry storm holds ~20 000 calls in flight at the service once the fault ends', () => {
    const sim = createSimulation(retryStorm(22_000), { registry: REGISTRY });
    sim.advanceTo(21_000);
    const atService = sim.conservation().inFlight['service'] ?? 0;
    expect(atService).toBeGreaterThan(15_000);
    expect(atService).toBeLessThan(25_000);
    expect(sim.nodeDetail('retry').metrics['retries']).toBeGreaterThan(5000);
  }, 30_000);
});
