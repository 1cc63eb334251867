import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createSimulation, maxOutputs, outputsOf } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { toDocument } from '../document.ts';
import { parseScenario } from '../validate.ts';
import { BUILTINS, findBuiltin } from './index.ts';

const ROW = /^(R([1-9]|1[0-3])|E[1-5]|D([1-9]|10)|M([1-9]|1[0-2])|C[1-3]|O[1-3])$/;

/** One run of a built-in variant (≤ 180 s of virtual time): ≤ 560 ms here. */
const BUILTIN_RUN_MS = 800;

describe('built-in catalogue', () => {
  it('has unique kebab-case ids, known catalogue rows and a with/without pair', () => {
    const ids = BUILTINS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of BUILTINS) {
      expect(b.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(b.patterns.length).toBeGreaterThan(0);
      for (const row of b.patterns) expect(row).toMatch(ROW);
      expect(b.variants).toContain('with');
      expect(b.variants).toContain('without');
      // Says what to watch and which fault shows the point.
      expect(b.description.length).toBeGreaterThan(120);
      expect(findBuiltin(b.id)).toBe(b);
    }
  });

  for (const b of BUILTINS) {
    for (const variant of b.variants) {
      it(
        `${b.id} (${variant}) is a valid document that round-trips and runs conserved`,
        budget(1, BUILTIN_RUN_MS),
        () => {
          const scenario = b.build(variant);
          expect(scenario.meta.patterns).toEqual([...b.patterns]);
          const parsed = parseScenario(JSON.parse(JSON.stringify(toDocument(scenario))), REGISTRY);
          if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
          expect(parsed.warnings).toEqual([]);
          expect(parsed.scenario).toEqual(scenario);
          // A fresh copy per call: editing one never leaks into the next.
          expect(b.build(variant)).not.toBe(scenario);
          const sim = createSimulation(scenario, { registry: REGISTRY });
          sim.runToEnd();
          expect(sim.conservation().ok).toBe(true);
        },
      );
    }
  }

  it('keeps node ids, seed and traffic identical between the variants of a built-in', () => {
    for (const b of BUILTINS) {
      const on = b.build('with');
      const off = b.build('without');
      expect(off.seed).toBe(on.seed);
      expect(off.durationMs).toBe(on.durationMs);
      const sources = (s: typeof on) =>
        s.nodes.filter((n) => REGISTRY.get(n.kind)?.isSource).map((n) => [n.id, n.config]);
      expect(sources(off)).toEqual(sources(on));
    }
  });

  it('every node has no more outgoing edges than its kind declares (a proxy calls one downstream)', () => {
    for (const b of BUILTINS) {
      for (const variant of b.variants) {
        const s = b.build(variant);
        for (const node of s.nodes) {
          const def = REGISTRY.get(node.kind);
          if (!def) throw new Error(`${b.id}: unknown kind ${node.kind}`);
          const out = s.edges.filter((e) => e.source === node.id).length;
          const max = maxOutputs(def);
          if (max !== null) expect(out, `${b.id} (${variant}) ${node.id}`).toBeLessThanOrEqual(max);
          if (outputsOf(def).length === 0) expect(out, `${b.id} ${node.id}`).toBe(0);
        }
      }
    }
  });
});
