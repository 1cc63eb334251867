import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { BUILTINS } from './builtins/index.ts';
import { defaultScenario } from './default-scenario.ts';
import { documentText } from './document.ts';
import { depthErrors, MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.ts';
import { V1_EXAMPLE_TEXT, V2_GROUPS_TEXT } from './test-fixtures.ts';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The deepest nesting in JSON text, found by asking the scanner. */
function depthOf(text: string): number {
  let depth = 0;
  while (nestsDeeperThan(text, depth)) depth++;
  return depth;
}

describe('nestsDeeperThan', () => {
  it('counts lists and objects alike, up to the limit and not beyond', () => {
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[{}]}}', 4)).toBe(false);
    expect(nestsDeeperThan('[[],[],[[]]]', 2)).toBe(true);
    expect(nestsDeeperThan('[[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(`["${'['.repeat(100)}"]`, 1)).toBe(false);
    expect(nestsDeeperThan(`["\\"[[[[", "\\\\", [[]]]`, 2)).toBe(true);
    expect(nestsDeeperThan(`["\\"[[[[", "\\\\", []]`, 2)).toBe(false);
  });

  // Small JSON values: well under 0.1 ms a run.
  const RUNS = 300;
  it('reads UTF-8 bytes as it reads text', budget(RUNS, 0.1), () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'large' }), fc.nat(8), (text, limit) => {
        expect(nestsDeeperThan(utf8(text), limit)).toBe(nestsDeeperThan(text, limit));
      }),
      { numRuns: RUNS },
    );
    expect(nestsDeeperThan(utf8('["€[[", ["東京"]]'), 1)).toBe(true);
  });

  it('agrees with the depth of parsed JSON', budget(RUNS, 0.5), () => {
    const depth = (v: unknown): number =>
      typeof v === 'object' && v !== null
        ? 1 + Math.max(0, ...Object.values(v as object).map(depth))
        : 0;
    fc.assert(
      fc.property(fc.jsonValue({ depthSize: 'large' }), (value) => {
        expect(depthOf(JSON.stringify(value))).toBe(depth(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves every fixture, built-in and the first-visit scenario far inside the limit', () => {
    const texts = [
      V1_EXAMPLE_TEXT,
      V2_GROUPS_TEXT,
      documentText(defaultScenario()),
      ...BUILTINS.flatMap((b) => b.variants.map((v) => documentText(b.build(v)))),
    ];
    const deepest = Math.max(...texts.map(depthOf));
    expect(deepest).toBeLessThanOrEqual(MAX_JSON_DEPTH / 8);
  });

  it('depthErrors names the limit', () => {
    expect(depthErrors('[]')).toEqual([]);
    expect(depthErrors(nested(3), 2)).toEqual([
      { path: '', message: 'lists and objects are nested more than 2 levels deep; the limit is 2' },
    ]);
  });
});
