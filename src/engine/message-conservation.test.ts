import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation } from './create-simulation.ts';
import { BUILTIN_KINDS } from './model/builtin-kinds.ts';
import { createRegistry, type KindDefinition } from './model/kind.ts';
import { emptyMessageCounts, type MessageCounts } from './model/message.ts';
import { buildScenario } from './testing/scenario-builder.ts';

/** A broker that takes every publish and books it — with a leak after `leakAfter` of them. */
function leakyBroker(leakAfter: number): KindDefinition<Record<string, never>, MessageCounts> {
  return {
    kind: 'leaky-broker',
    label: 'Leaky broker',
    category: 'messaging',
    description: 'test',
    configSchema: z.strictObject({}),
    metrics: [],
    outputs: [],
    init: () => emptyMessageCounts(),
    onCall(ctx, node, call) {
      node.state.published++;
      // Past the leak a message is taken but never put anywhere: conservation must see it.
      if (node.state.published <= leakAfter) node.state.acked++;
      ctx.respond(call, true);
    },
    messages: (node) => node.state,
  };
}

function run(leakAfter: number) {
  const registry = createRegistry([...BUILTIN_KINDS, leakyBroker(leakAfter)]);
  return createSimulation(
    buildScenario(
      {
        durationMs: 2000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
          { id: 'b', kind: 'leaky-broker' },
        ],
        edges: [{ source: 'c', target: 'b' }],
      },
      registry,
    ),
    { registry },
  );
}

describe('message conservation', () => {
  it('reports each broker’s counts, and holds when every message is accounted for', () => {
    const sim = run(Infinity);
    sim.runToEnd();
    const report = sim.conservation();
    expect(report.ok).toBe(true);
    expect(report.messages['b']).toMatchObject({ published: 20, acked: 20 });
  });

  it('names the broker that loses a message, and a frame stops the run loudly', () => {
    const sim = run(5);
    sim.advanceTo(450);
    expect(sim.conservation().ok).toBe(true);
    // The frame check at the next frame throws: from the 6th on, messages go nowhere.
    expect(() => {
      sim.advanceTo(1000);
      sim.drainFrame();
    }).toThrow(/Conservation violated: b: published \d+ ≠ acked 5 /);
  });
});
