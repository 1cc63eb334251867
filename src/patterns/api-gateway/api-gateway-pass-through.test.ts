import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createSimulation } from '../../engine/index.ts';
import { buildScenario } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { apiGatewayKind } from './api-gateway.ts';

/** One gateway run of 1000 requests: ≤ 250 ms here; each test runs one. */
const RUN_MS = 400;

function run(withEdges: boolean) {
  const sim = createSimulation(
    buildScenario(
      {
        seed: 3,
        durationMs: 10_000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 100 } } },
          // Fresh from the palette: default config, no routes.
          { id: 'g', kind: 'api-gateway', config: { authFailureRate: 0 } },
          { id: 'a', kind: 'service', config: { workers: 10 } },
          { id: 'b', kind: 'service', config: { workers: 10 } },
        ],
        edges: withEdges
          ? [
              { source: 'c', target: 'g' },
              { source: 'g', target: 'a' },
              { source: 'g', target: 'b' },
            ]
          : [{ source: 'c', target: 'g' }],
      },
      REGISTRY,
    ),
    { registry: REGISTRY },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  return sim;
}

describe('api-gateway without routes', budget(1, RUN_MS), () => {
  it('forwards every request to its first downstream (1000 of 1000), and says PASS-THROUGH', () => {
    const sim = run(true);
    expect(sim.nodeDetail('c').ok).toBe(1000);
    expect(sim.nodeDetail('a').arrivals).toBe(1000);
    expect(sim.nodeDetail('b').arrivals).toBe(0);
    expect(sim.nodeDetail('g').metrics['forwarded']).toBe(1000);
    expect(apiGatewayKind.stateLabel?.({ state: { routes: [], configGen: 0 } } as never)).toEqual({
      text: 'PASS-THROUGH',
      tone: 'warn',
    });
  });

  it('answers no-route when it has no downstream at all (1000 of 1000)', () => {
    const sim = run(false);
    expect(sim.nodeDetail('c').failed['no-route']).toBe(1000);
  });
});
