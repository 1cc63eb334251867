import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  type SimFault,
  type SimPatch,
  type SimScenario,
} from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { defaultScenario } from './default-scenario.ts';
import { toDocument } from './document.ts';
import { parseScenario } from './validate.ts';

// A rate, count or multiplier past its bound (declared once, on its field's schema) is refused
// with the same sentence by a document (a file, a link, an import) and by a live edit.

type Doc = ReturnType<typeof toDocument> & Record<string, unknown>;

interface Case {
  what: string;
  /** Puts the value into a document. */
  edit(doc: SimScenario): void;
  docPath: string;
  /** The same value as a live edit. */
  patch: SimPatch;
  livePath: string;
}

const nodeAt = (doc: SimScenario, id: string) => {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

const SPIKE: SimFault = {
  id: 'spike',
  type: 'traffic-spike',
  target: 'users',
  startMs: 0,
  durationMs: null,
  multiplier: 1e300,
};

const CASES: Case[] = [
  {
    what: 'a client rate of 1e9',
    edit: (doc) => {
      nodeAt(doc, 'users').config['arrival'] = { type: 'poisson', ratePerSec: 1e9 };
    },
    docPath: 'nodes[0].config.arrival.ratePerSec',
    patch: {
      type: 'node-config',
      nodeId: 'users',
      config: { arrival: { type: 'poisson', ratePerSec: 1e9 } },
    },
    livePath: 'users.config.arrival.ratePerSec',
  },
  {
    what: 'a burst rate of 1e6',
    edit: (doc) => {
      nodeAt(doc, 'users').config['arrival'] = {
        type: 'burst',
        burstRatePerSec: 1e6,
        offMs: 1000,
        onMs: 1000,
      };
    },
    docPath: 'nodes[0].config.arrival.burstRatePerSec',
    patch: {
      type: 'node-config',
      nodeId: 'users',
      config: { arrival: { type: 'burst', burstRatePerSec: 1e6, offMs: 1000, onMs: 1000 } },
    },
    livePath: 'users.config.arrival.burstRatePerSec',
  },
  {
    what: 'a traffic spike of 1e300',
    edit: (doc) => {
      doc.faults = [SPIKE];
    },
    docPath: 'faults[0].multiplier',
    patch: { type: 'fault-add', fault: SPIKE },
    livePath: 'fault spike.multiplier',
  },
  {
    what: 'a queue limit of 1e7',
    edit: (doc) => {
      nodeAt(doc, 'orders').config['queueCapacity'] = 1e7;
    },
    docPath: 'nodes[2].config.queueCapacity',
    patch: { type: 'node-config', nodeId: 'orders', config: { queueCapacity: 1e7 } },
    livePath: 'orders.config.queueCapacity',
  },
  {
    what: 'an edge weight of 1e308',
    edit: (doc) => {
      const edge = doc.edges[0];
      if (edge) edge.config = { ...edge.config, weight: 1e308 };
    },
    docPath: 'edges[0].config.weight',
    patch: { type: 'edge-config', edgeId: 'users-gateway', config: { weight: 1e308 } },
    livePath: 'users-gateway.config.weight',
  },
];

describe('bounds on rates, counts and multipliers', () => {
  it.each(CASES.map((c) => [c.what, c] as const))(
    '%s: a document and a live edit refuse it with one sentence naming the field',
    (_what, c) => {
      const doc = defaultScenario(REGISTRY);
      c.edit(doc);
      const parsed = parseScenario(toDocument(doc) as Doc, REGISTRY);
      expect(parsed.ok).toBe(false);
      const docErrors = parsed.ok ? [] : parsed.errors;
      expect(docErrors.map((e) => e.path)).toEqual([c.docPath]);
      const message = docErrors[0]?.message ?? '';
      expect(message).toMatch(/^must be a number ≤ \d+ \(got /);

      const sim = createSimulation(defaultScenario(REGISTRY), { registry: REGISTRY });
      sim.advanceTo(1000);
      expect(sim.patch(c.patch)).toEqual({ ok: false, errors: [`${c.livePath}: ${message}`] });
    },
  );

  it('the highest values are accepted, by a document and a live edit alike', () => {
    const doc = defaultScenario(REGISTRY);
    nodeAt(doc, 'users').config['arrival'] = { type: 'poisson', ratePerSec: 100_000 };
    doc.faults = [{ ...SPIKE, multiplier: 1000 }];
    expect(parseScenario(toDocument(doc) as Doc, REGISTRY).ok).toBe(true);
    const sim = createSimulation(defaultScenario(REGISTRY), { registry: REGISTRY });
    expect(sim.patch({ type: 'fault-add', fault: { ...SPIKE, multiplier: 1000 } })).toEqual({
      ok: true,
    });
  });
});
