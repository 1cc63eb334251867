import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../patterns/index.ts';
import { BUILTINS } from './builtins/index.ts';
import { defaultScenario } from './default-scenario.ts';
import { decodeScenarioLink, encodeScenarioLink } from './link-codec.ts';
import { MAX_POSITION_PX } from './schema.ts';
import type { SimScenario } from '../engine/index.ts';
import { at, groupsDoc, V1_EXAMPLE_TEXT, V2_GROUPS_TEXT, type Item } from './test-fixtures.ts';
import { parseScenario, parseScenarioText } from './validate.ts';

// Positions are bounded by the one document schema, whatever the way in: text, object, link.

const errorsOf = (r: ReturnType<typeof parseScenario>) => (r.ok ? [] : r.errors);

/** The version-2 fixture as JSON text, nodes[2]'s x and groups[0]'s y written as `number`. */
function textWith(number: string): string {
  const doc = groupsDoc();
  (at(doc.nodes, 2)['position'] as Item)['x'] = PLACEHOLDER;
  (at(doc.groups, 0)['position'] as Item)['y'] = PLACEHOLDER;
  return JSON.stringify(doc).replaceAll(`"${PLACEHOLDER}"`, number);
}
const PLACEHOLDER = 'NUMBER';

describe('position bounds', () => {
  it(`refuses a node or group position beyond ±${MAX_POSITION_PX} px, naming the field`, () => {
    for (const huge of ['1e308', '-1e308', '1000001']) {
      const r = parseScenarioText(textWith(huge), REGISTRY);
      expect(errorsOf(r).map((e) => e.path)).toEqual([
        'nodes[2].position.x',
        'groups[0].position.y',
      ]);
      for (const e of errorsOf(r))
        expect(e.message).toMatch(/^must be a number [≤≥] -?1000000 \(got /);
    }
  });

  it('refuses them in a document object (live edits) and in a share link alike', () => {
    const doc = groupsDoc();
    (at(doc.nodes, 1)['position'] as { y: number }).y = -1e308;
    expect(errorsOf(parseScenario(doc, REGISTRY))).toEqual([
      { path: 'nodes[1].position.y', message: 'must be a number ≥ -1000000 (got -1e+308)' },
    ]);
    const ok = parseScenario(groupsDoc(), REGISTRY);
    if (!ok.ok) throw new Error('fixture must parse');
    const far: SimScenario = {
      ...ok.scenario,
      nodes: ok.scenario.nodes.map((n, i) =>
        i === 0 ? { ...n, position: { x: 1e308, y: 0 } } : n,
      ),
    };
    const link = decodeScenarioLink(encodeScenarioLink(far), REGISTRY);
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.error).toContain('nodes[0].position.x');
  });

  it('accepts the bound itself', () => {
    expect(parseScenarioText(textWith('1000000'), REGISTRY).ok).toBe(true);
    expect(parseScenarioText(textWith('-1000000'), REGISTRY).ok).toBe(true);
  });

  it('leaves the fixtures, the first-visit scenario and every built-in well inside it', () => {
    const scenarios = [
      parseScenarioText(V1_EXAMPLE_TEXT, REGISTRY),
      parseScenarioText(V2_GROUPS_TEXT, REGISTRY),
      parseScenario(defaultScenario(), REGISTRY),
      ...BUILTINS.flatMap((b) => b.variants.map((v) => parseScenario(b.build(v), REGISTRY))),
    ];
    for (const r of scenarios) expect(errorsOf(r)).toEqual([]);
  });
});
