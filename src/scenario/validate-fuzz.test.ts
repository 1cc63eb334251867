import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { REGISTRY } from '../patterns/index.ts';
import { validDocument } from './test-arbitraries.ts';
import { createTestRegistry } from './test-registry.ts';
import { exampleDoc, groupsDoc, type Item, V1_EXAMPLE_TEXT } from './test-fixtures.ts';
import { parseScenario, parseScenarioText, type ParseResult } from './validate.ts';

const registry = createTestRegistry();

type Path = (string | number)[];

/** Every path into a JSON value, including the root. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

const DELETE = Symbol('delete');
type Mutation = { path: Path; value: unknown };

function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(doc);
  for (const { path, value } of mutations) {
    if (path.length === 0) {
      root = value === DELETE ? undefined : value;
      continue;
    }
    let parent: unknown = root;
    for (const key of path.slice(0, -1)) {
      parent =
        parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : undefined;
    }
    if (!parent || typeof parent !== 'object') continue; // an earlier mutation removed it
    const container = parent as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (value === DELETE) Reflect.deleteProperty(container, last);
    else container[last] = value;
  }
  return root;
}

/** The invariants every result must satisfy, whatever the input. */
function checkResult(result: ParseResult): void {
  if (result.ok) {
    expect(result.scenario.format).toBe('faultline-scenario');
    // A parsed scenario is a valid document in its own right, and parsing it again is a no-op.
    const again = parseScenario(result.scenario, registry);
    expect(again.ok && again.scenario).toEqual(result.scenario);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(error.message).toMatch(/\S/);
    expect(error.message).not.toMatch(/\n\s+at /); // no stack traces
  }
}

const mutationOf = (doc: unknown) =>
  fc.record({
    path: fc.constantFrom(...pathsOf(doc)),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constant(DELETE),
      fc.constantFrom(0, -1, 1.5, 1e308, '', 'users', 'orders', 'e1', 'catalog', null, [], {}),
    ),
  });
const mutation = mutationOf(exampleDoc());
const groupsMutation = mutationOf(groupsDoc());

describe('parseScenario never throws', () => {
  const JSON_RUNS = 300;
  it('on arbitrary JSON values', budget(JSON_RUNS, 1), () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkResult(parseScenario(value, registry));
      }),
      { numRuns: JSON_RUNS },
    );
  });

  const MUTATION_RUNS = 1000;
  it('on random mutations of the valid example', budget(MUTATION_RUNS, 2), () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        checkResult(parseScenario(mutate(exampleDoc(), mutations), registry));
      }),
      { numRuns: MUTATION_RUNS },
    );
  });

  const GROUPS_MUTATION_RUNS = 500;
  it(
    'on random mutations of the version-2 fixture with groups',
    budget(GROUPS_MUTATION_RUNS, 3),
    () => {
      fc.assert(
        fc.property(fc.array(groupsMutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          checkResult(parseScenario(mutate(groupsDoc(), mutations), registry));
        }),
        { numRuns: GROUPS_MUTATION_RUNS },
      );
    },
  );

  const TEXT_RUNS = 300;
  it('on arbitrary and corrupted text', budget(TEXT_RUNS, 1), () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(V1_EXAMPLE_TEXT.length), (junk, at) => {
        checkResult(parseScenarioText(junk, registry));
        const corrupted = V1_EXAMPLE_TEXT.slice(0, at) + junk + V1_EXAMPLE_TEXT.slice(at);
        checkResult(parseScenarioText(corrupted, registry));
      }),
      { numRuns: TEXT_RUNS },
    );
  });

  it('on values that are not JSON at all', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const value of [undefined, () => 1, Symbol('s'), 10n, cyclic, new Map(), NaN]) {
      checkResult(parseScenario(value, registry));
    }
  });
});

describe('random valid documents', () => {
  const VALID_RUNS = 200;
  it('parse, with ids unique across nodes, edges, faults and groups', budget(VALID_RUNS, 4), () => {
    fc.assert(
      fc.property(validDocument, (doc) => {
        const result = parseScenario(doc, REGISTRY);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const s = result.scenario;
        const ids = [...s.nodes, ...s.edges, ...s.faults, ...s.groups].map((x) => x.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: VALID_RUNS },
    );
  });

  const GROUP_ID_RUNS = 100;
  it('are refused once a group takes the id of anything else', budget(GROUP_ID_RUNS, 4), () => {
    const withGroups = validDocument.filter(
      (doc) => Array.isArray(doc['groups']) && doc['groups'].length > 0,
    );
    fc.assert(
      fc.property(withGroups, fc.nat(), (doc, pick) => {
        const others = ['nodes', 'edges', 'faults'].flatMap((list) =>
          (doc[list] as Item[]).map((item, i) => ({
            id: item['id'] as string,
            at: `${list}[${i}]`,
          })),
        );
        const other = others[pick % others.length];
        if (!other) throw new Error('a valid document has at least one node');
        const groups = (doc['groups'] as Item[]).map((g, i) =>
          i === 0 ? { ...g, id: other.id } : g,
        );
        const result = parseScenario({ ...doc, groups }, REGISTRY);
        expect(result.ok || result.errors).toEqual([
          {
            path: 'groups[0].id',
            message: `duplicate id "${other.id}" (also used by ${other.at})`,
          },
        ]);
      }),
      { numRuns: GROUP_ID_RUNS },
    );
  });
});
