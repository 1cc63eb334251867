import { describe, expect, it } from 'vitest';
import { createSimulation, type NodeFrame } from '../engine/index.ts';
import { budget } from '../engine/testing/budget.ts';
import { REGISTRY } from '../patterns/index.ts';
import { defaultScenario, findBuiltin, type SimScenario } from '../scenario/index.ts';
import { nodeStatus } from './node-status.ts';
import { EMPTY_TREND, observe, type NodeTrend } from './node-trend.ts';

/** Each node's status word at every second of a run, folded as the telemetry store does. */
function wordsPerSecond(scenario: SimScenario, seconds: number): Map<string, string[]> {
  const sim = createSimulation(scenario, { registry: REGISTRY });
  const trends = new Map<string, NodeTrend>();
  const frames = new Map<string, NodeFrame>();
  const words = new Map<string, string[]>();
  for (let s = 1; s <= seconds; s++) {
    sim.advanceTo(s * 1000);
    const frame = sim.drainFrame();
    for (const f of frame.nodes) {
      frames.set(f.id, f);
      trends.set(f.id, observe(trends.get(f.id) ?? EMPTY_TREND, f, frame.timeMs));
    }
    for (const [id, f] of frames) {
      const list = words.get(id) ?? [];
      list.push(nodeStatus(f, trends.get(id)).text);
      words.set(id, list);
    }
  }
  return words;
}

// Budgets by simulated seconds, ~3 ms each measured (the default scenario's 60 req/s).
const LOAD_SHEDDING_BUDGET = budget(40, 10);
const DEFAULT_BUDGET = budget(100, 10);

describe('status words on real runs', () => {
  it(
    'load shedding without its shedder: the service reads Saturated from its third second on',
    LOAD_SHEDDING_BUDGET,
    () => {
      const builtin = findBuiltin('load-shedding');
      if (!builtin) throw new Error('load-shedding built-in missing');
      const service = wordsPerSecond(builtin.build('without'), 40).get('service') ?? [];
      expect(service.slice(0, 2)).not.toContain('Saturated');
      expect(new Set(service.slice(3))).toEqual(new Set(['Saturated']));
    },
  );

  it(
    'the first-visit scenario: the database reads Slow only while it is 8× slower (60–90 s), nothing reads Saturated',
    DEFAULT_BUDGET,
    () => {
      const words = wordsPerSecond(defaultScenario(REGISTRY), 100);
      const db = words.get('orders-db') ?? [];
      // Seconds 1–60 and after the fault (plus a second for the window to close): never Slow.
      expect(db.slice(0, 60)).not.toContain('Slow');
      expect(db.slice(92)).not.toContain('Slow');
      // Every second of the fault but its first (the window that closes at 61 s).
      expect(new Set(db.slice(61, 90))).toEqual(new Set(['Slow']));
      for (const [id, list] of words) {
        expect({ id, saturated: list.includes('Saturated') }).toEqual({ id, saturated: false });
        expect({ id, slowEarly: list.slice(0, 60).includes('Slow') }).toEqual({
          id,
          slowEarly: false,
        });
      }
    },
  );
});
