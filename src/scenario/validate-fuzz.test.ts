import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestRegistry } from './test-registry.ts';
import { exampleDoc, V1_EXAMPLE_TEXT } from './test-fixtures.ts';
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

const examplePaths = pathsOf(exampleDoc());
const mutation = fc.record({
  path: fc.constantFrom(...examplePaths),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constant(DELETE),
    fc.constantFrom(0, -1, 1.5, 1e308, '', 'users', 'orders', 'e1', null, [], {}),
  ),
});

describe('parseScenario never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkResult(parseScenario(value, registry));
      }),
      { numRuns: 300 },
    );
  });

  it('on random mutations of the valid example', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        checkResult(parseScenario(mutate(exampleDoc(), mutations), registry));
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary and corrupted text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(V1_EXAMPLE_TEXT.length), (junk, at) => {
        checkResult(parseScenarioText(junk, registry));
        const corrupted = V1_EXAMPLE_TEXT.slice(0, at) + junk + V1_EXAMPLE_TEXT.slice(at);
        checkResult(parseScenarioText(corrupted, registry));
      }),
      { numRuns: 300 },
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
