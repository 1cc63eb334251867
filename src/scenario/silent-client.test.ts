import { describe, expect, it } from 'vitest';
import { decodeScenarioLink, encodeScenarioLink } from './link-codec.ts';
import { REGISTRY } from './registry.ts';
import { at, exampleDoc } from './test-fixtures.ts';
import { parseScenario } from './validate.ts';

/** Every way to silence a client with the real client kind: a rate of 0, or 0 users. */
const SILENT_ARRIVALS = [
  { type: 'poisson', ratePerSec: 0 },
  { type: 'constant', ratePerSec: 0 },
  { type: 'ramp', fromPerSec: 0, toPerSec: 0, rampMs: 1000 },
  { type: 'burst', baseRatePerSec: 0, burstRatePerSec: 0, offMs: 900, onMs: 100 },
  { type: 'users', users: 0, thinkTimeMs: 100 },
];

describe('a silenced client is a valid scenario', () => {
  for (const arrival of SILENT_ARRIVALS) {
    it(`${arrival.type}: accepted as written, and a share link keeps it`, () => {
      const doc = exampleDoc();
      at(doc.nodes, 0).config = { arrival };
      const result = parseScenario(doc, REGISTRY);
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
      expect(at(result.scenario.nodes, 0).config['arrival']).toEqual(arrival);
      const back = decodeScenarioLink(encodeScenarioLink(result.scenario), REGISTRY);
      expect(back.ok && back.scenario).toEqual(result.scenario);
    });
  }
});
