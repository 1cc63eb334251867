import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { toDocument } from './document.ts';
import { CURRENT_VERSION } from './migrations.ts';
import { at, fixtureText, FIXTURES_DIR } from './test-fixtures.ts';
import { parseScenario, parseScenarioText } from './validate.ts';

// docs/architecture.md §7: frozen examples of every past version live here and must still load.

/**
 * SHA-256 of every frozen fixture. Fixtures are never edited (not even reformatted): a new
 * format version adds a new file and a line here.
 */
const FROZEN: Record<string, string> = {
  'v1-design-example.json': '2a8ba2f71e44dbb1c7231a307a20a88719d10e972acd1ecd1b044cc34acd6ac2',
  'v2-bounded-contexts.json': '1f63d3dd6d290de7186f13344f4bfb9ff4f491c3cd8ce1fc42cf6f958cbab824',
};

const FILES = readdirSync(FIXTURES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

function load(name: string): SimScenario {
  const result = parseScenarioText(fixtureText(name), REGISTRY);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  expect(result.warnings).toEqual([]);
  return result.scenario;
}

describe('frozen fixtures', () => {
  it('every frozen fixture in fixtures/ is listed, unchanged byte for byte', () => {
    expect(FILES).toEqual(Object.keys(FROZEN).sort());
    for (const name of FILES) {
      const sha = createHash('sha256').update(fixtureText(name), 'utf8').digest('hex');
      expect({ name, sha }).toEqual({ name, sha: FROZEN[name] });
    }
  });

  it('there is at least one fixture for every version up to the current one', () => {
    const versions = FILES.map((name) => Number(/^v(\d+)-/.exec(name)?.[1]));
    for (let v = 1; v <= CURRENT_VERSION; v++) expect(versions).toContain(v);
  });

  it.each(FILES)('every frozen fixture in fixtures/ loads: %s', (name) => {
    const doc = JSON.parse(fixtureText(name)) as { version: unknown };
    // The file name says which version it freezes, and the document agrees.
    expect(name).toMatch(/^v\d+-[a-z0-9-]+\.json$/);
    expect(`v${String(doc.version)}-`).toBe(/^v\d+-/.exec(name)?.[0]);
    const s = load(name);
    expect(s.version).toBe(CURRENT_VERSION);
    // Once loaded it is a current document like any other.
    expect(parseScenario(toDocument(s), REGISTRY)).toEqual({ ok: true, scenario: s, warnings: [] });
  });

  it('the version-1 design example migrates to version 2 with no groups', () => {
    const s = load('v1-design-example.json');
    expect(s.version).toBe(2);
    expect(s.groups).toEqual([]);
    expect(s.nodes.map((n) => n.id)).toEqual(['users', 'orders']);
    expect(s.faults.map((f) => f.id)).toEqual(['f1']);
  });

  it('the version-2 bounded contexts keep their groups, each framing its nodes', () => {
    const s = load('v2-bounded-contexts.json');
    expect(s.groups).toEqual([
      {
        id: 'ordering-context',
        label: 'Ordering',
        position: { x: 270, y: 30 },
        width: 520,
        height: 204,
      },
      {
        id: 'catalog-context',
        label: 'Catalog',
        position: { x: 270, y: 290 },
        width: 260,
        height: 204,
      },
    ]);
    const inside = (groupId: string) => {
      const g = s.groups.find((x) => x.id === groupId);
      if (!g) throw new Error(groupId);
      return s.nodes
        .filter(
          (n) =>
            n.position.x >= g.position.x &&
            n.position.x + 200 <= g.position.x + g.width &&
            n.position.y >= g.position.y &&
            n.position.y + 120 <= g.position.y + g.height,
        )
        .map((n) => n.id);
    };
    expect(inside('ordering-context')).toEqual(['orders', 'orders-db']);
    expect(inside('catalog-context')).toEqual(['catalog']);
    expect(at(s.nodes, 0).id).toBe('users');
  });
});
