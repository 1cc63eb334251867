import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { CURRENT_VERSION, MIGRATIONS, migrate, type Migration } from './migrations.ts';
import { createTestRegistry } from './test-registry.ts';
import { exampleDoc, type Item } from './test-fixtures.ts';
import { parseScenario, type ParseResult } from './validate.ts';

const registry = createTestRegistry();

/** A pretend version 0 that called `durationMs` `lengthMs`. */
const renameLength: Migration = ({ lengthMs, ...rest }) => ({ ...rest, durationMs: lengthMs });

function v0Doc(): Record<string, unknown> {
  const { durationMs, ...rest } = exampleDoc();
  return { ...rest, version: 0, lengthMs: durationMs };
}

describe('migrations', () => {
  it('the current format is version 2, reached from version 1', () => {
    expect(CURRENT_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
  });

  it('upgrades a fake version 0 document through an injected migration, then the real ones', () => {
    const doc = v0Doc();
    const result = parseScenario(doc, registry, { migrations: { ...MIGRATIONS, 0: renameLength } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.version).toBe(2);
    expect(result.scenario.durationMs).toBe(120000);
    expect(result.scenario.groups).toEqual([]);
    expect(doc['lengthMs']).toBe(120000); // the caller's document is untouched
  });

  it('an injected table can stop at an older current version', () => {
    const result = parseScenario(v0Doc(), registry, {
      migrations: { 0: renameLength },
      currentVersion: 1,
    });
    expect(result.ok && result.scenario.version).toBe(1);
  });

  it('without the migration, version 0 is refused', () => {
    const result = parseScenario(v0Doc(), registry);
    expect(result.ok || result.errors).toEqual([
      { path: 'version', message: 'cannot read version 0: no migration from version 0 to 1' },
    ]);
  });

  it('chains migrations and sets the version after each step', () => {
    const seen: unknown[] = [];
    const record: Migration = (doc) => {
      seen.push(doc['version']);
      return doc;
    };
    const result = migrate({ version: 0 }, { 0: record, 1: record }, 2);
    expect(result).toEqual({ ok: true, doc: { version: 2 }, fromVersion: 0 });
    expect(seen).toEqual([0, 1]);
  });

  it('refuses a document from a newer Faultline', () => {
    const doc = { ...exampleDoc(), version: 3 };
    const result = parseScenario(doc, registry);
    expect(result.ok || result.errors).toEqual([
      {
        path: '',
        message:
          'this scenario was made by a newer version of Faultline (version 3; this app reads up to 2)',
      },
    ]);
  });

  it('requires an integer version', () => {
    for (const version of [1.5, '1', null]) {
      const result = migrate({ version });
      expect(result.ok || result.errors[0]?.path).toBe('version');
    }
    expect(migrate({})).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
    expect(migrate({ version: -7e43 })).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'is not a Faultline format version (got -7e+43)' }],
    });
  });

  it('turns a throwing migration into an error', () => {
    const broken: Migration = () => {
      throw new Error('nodes is not a list');
    };
    expect(migrate({ version: 0 }, { 0: broken }, 1)).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: 'could not upgrade this scenario from version 0 to 1: nodes is not a list',
        },
      ],
    });
  });
});

function scenarioOf(result: ParseResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const v1 = (parts: Item): Item => ({
  format: 'faultline-scenario',
  version: 1,
  durationMs: 1000,
  ...parts,
});

describe('migration 1 → 2', () => {
  it('adds an empty groups list and changes nothing else', () => {
    const doc = exampleDoc();
    expect(migrate(doc)).toEqual({
      ok: true,
      doc: { ...exampleDoc(), version: 2, groups: [] },
      fromVersion: 1,
    });
    expect(doc).toEqual(exampleDoc()); // the input is untouched
  });

  it('renames edges and faults whose ids a node (or an edge) already uses; edge faults follow', () => {
    const doc = v1({
      nodes: [
        { id: 'users', kind: 'client' },
        { id: 'api', kind: 'service' },
        { id: 'api-2', kind: 'service' },
      ],
      edges: [
        { id: 'api', source: 'users', target: 'api' },
        { id: 'e2', source: 'users', target: 'api-2' },
      ],
      faults: [
        { id: 'api', type: 'crash', target: 'api', startMs: 0 },
        { id: 'cut', type: 'partition', target: 'api', startMs: 0 },
        { id: 'e2', type: 'edge-latency', target: 'e2', startMs: 0, addMs: 5 },
      ],
    });
    const s = scenarioOf(parseScenario(doc, registry));
    expect(s.nodes.map((n) => n.id)).toEqual(['users', 'api', 'api-2']);
    expect(s.edges.map((e) => [e.id, e.target])).toEqual([
      ['api-3', 'api'],
      ['e2', 'api-2'],
    ]);
    expect(s.faults.map((f) => [f.id, f.type, f.target])).toEqual([
      ['api-4', 'crash', 'api'], // still on the node
      ['cut', 'partition', 'api-3'], // still on the edge
      ['e2-2', 'edge-latency', 'e2'],
    ]);
  });

  it('leaves duplicates within one list as errors', () => {
    const doc = v1({
      nodes: [
        { id: 'users', kind: 'client' },
        { id: 'api', kind: 'service' },
        { id: 'db', kind: 'database' },
      ],
      edges: [
        { id: 'api', source: 'users', target: 'api' },
        { id: 'api', source: 'api', target: 'db' },
      ],
    });
    const result = parseScenario(doc, registry);
    expect(result.ok || result.errors).toEqual([
      { path: 'edges[1].id', message: 'duplicate id "api" (also used by nodes[1])' },
    ]);
  });

  it('keeps a groups field a version-1 document should not have, for the schema to judge', () => {
    const result = parseScenario(v1({ nodes: [], groups: 'none' }), registry);
    expect(result.ok || result.errors).toEqual([
      { path: 'groups', message: 'must be a list (got "none")' },
    ]);
  });

  const RUNS = 300;
  it(
    'never fails on a malformed version-1 document (the schema reports it instead)',
    budget(RUNS, 2),
    () => {
      const list = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.array(
          fc.record(
            {
              id: fc.oneof(fc.constantFrom('a', 'b', 'a-2'), fc.jsonValue({ maxDepth: 1 })),
              type: fc.constantFrom('crash', 'partition', 'edge-latency', 7),
              target: fc.oneof(fc.constantFrom('a', 'b'), fc.jsonValue({ maxDepth: 1 })),
            },
            { requiredKeys: [] },
          ),
        ),
      );
      fc.assert(
        fc.property(list, list, list, (nodes, edges, faults) => {
          const result = migrate({ version: 1, nodes, edges, faults });
          expect(result.ok).toBe(true);
        }),
        { numRuns: RUNS },
      );
    },
  );
});
