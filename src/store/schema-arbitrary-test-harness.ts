// Test support only: random values for any field of any kind, fault type or edge, drawn from
// the JSON Schema the inspector generates its forms from (`configJsonSchema`,
// `edgeConfigJsonSchema`, `FAULT_CATALOG[].paramsSchema`) — so a new kind or field is fuzzed
// without editing a list here.
import fc from 'fast-check';

type Json = Record<string, unknown>;

const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * What a value's surroundings say about it: the field's name (its unit) and the default the
 * enclosing object or the field's optional wrapper declares for it (its scale).
 */
export interface FieldHint {
  name?: string;
  value?: unknown;
}

/** Strings a field may meaningfully hold: node ids (targets), cause names and classes, paths. */
export interface StringPool {
  readonly strings: readonly string[];
}

/** The scale of a number with no default or suggestion of its own. */
const FALLBACK_SCALE = 10;
/** Random numbers land between 1/100 and 10× the field's own scale (suggestion or default). */
const BELOW = 100;
const ABOVE = 10;
/** The engine's clock tick (1 µs), in ms. */
const MIN_DURATION_MS = 0.001;
/** Arrays are kept short: their items are what is fuzzed, not their count. */
const MAX_ITEMS = 4;

const num = (x: unknown): number | undefined =>
  typeof x === 'number' && Number.isFinite(x) ? x : undefined;

/**
 * Numbers within the schema's bounds: its edges (minimum, just above an exclusive minimum,
 * a maximum near the field's scale), its default and suggestion, 0 and 1 where allowed, and
 * log-uniform values around the field's own scale — the suggestion, else the default the
 * field (or the object around it) declares. Magnitudes far beyond a field's scale (a rate of
 * 1e9) are the budget guard's matter, not live editing's.
 */
function numberArb(schema: Json, hint: FieldHint): fc.Arbitrary<number> {
  const integer = schema['type'] === 'integer';
  const min = num(schema['minimum']);
  const exMin = num(schema['exclusiveMinimum']);
  const max = num(schema['maximum']);
  const exMax = num(schema['exclusiveMaximum']);
  // A duration (its name ends in Ms, the project's unit rule) of less than the engine's 1 µs
  // tick is zero time, and zero-time loops (a user with no think time meeting an instant
  // failure) are the livelock guard's matter: durations are drawn from 1 µs up.
  const time = hint.name?.endsWith('Ms') === true;
  const lo = Math.max(min ?? exMin ?? -Infinity, time ? MIN_DURATION_MS : -Infinity);
  const hi = max ?? exMax ?? Infinity;
  const inRange = (x: number) =>
    x >= lo && x <= hi && (exMin === undefined || x > exMin) && (exMax === undefined || x < exMax);
  const scaleHint = num(schema['suggested']) ?? num(schema['default']) ?? num(hint.value);
  const scale = scaleHint !== undefined && scaleHint > 0 ? scaleHint : FALLBACK_SCALE;
  const low = Math.max(lo, scale / BELOW, integer ? 1 : Number.MIN_VALUE);
  const high = Math.min(hi, scale * ABOVE);
  const edges = [min, exMin === undefined ? undefined : exMin + (integer ? 1 : scale / 1e6)];
  if (max !== undefined && max <= scale * ABOVE) edges.push(max);
  const specials = [...edges, num(schema['default']), num(schema['suggested']), 0, 1]
    .filter((x): x is number => x !== undefined)
    .map((x) => (integer ? Math.round(x) : x))
    .filter(inRange);
  const spread =
    low <= high
      ? fc
          .double({ min: Math.log(low), max: Math.log(high), noNaN: true })
          .map((l) => (integer ? Math.round(Math.exp(l)) : Number(Math.exp(l).toPrecision(6))))
          .filter(inRange)
      : null;
  const parts: fc.Arbitrary<number>[] = [];
  if (specials.length) parts.push(fc.constantFrom(...specials));
  if (spread) parts.push(spread);
  if (!parts.length) throw new Error(`no number fits ${JSON.stringify(schema)}`);
  return fc.oneof(...parts);
}

function stringArb(schema: Json, pool: StringPool): fc.Arbitrary<string> {
  const minLength = num(schema['minLength']) ?? 0;
  const maxLength = num(schema['maxLength']) ?? 64;
  const pattern = typeof schema['pattern'] === 'string' ? new RegExp(schema['pattern']) : null;
  const fits = (s: string) =>
    s.length >= minLength && s.length <= maxLength && (!pattern || pattern.test(s));
  const known = pool.strings.filter(fits);
  const random = pattern
    ? fc.stringMatching(pattern, { maxLength: Math.min(maxLength, 16) })
    : fc.string({ minLength, maxLength: Math.min(maxLength, 16) });
  const fresh = random.filter(fits);
  return known.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, fresh)
    : fresh;
}

/**
 * Any value the schema describes (and, through strings and edges of ranges, some it refuses:
 * the editor's validation is part of the path under test).
 */
export function arbitraryFor(
  schema: unknown,
  pool: StringPool,
  hint: FieldHint = {},
): fc.Arbitrary<unknown> {
  if (!isObj(schema)) throw new Error(`not a schema: ${JSON.stringify(schema)}`);
  // Built once per schema, pool and hint: sequences draw thousands of values from a few dozen.
  let bySchema = cache.get(pool);
  if (!bySchema) cache.set(pool, (bySchema = new WeakMap()));
  let byHint = bySchema.get(schema);
  if (!byHint) bySchema.set(schema, (byHint = new Map()));
  const key = JSON.stringify([hint.name, hint.value]);
  let arb = byHint.get(key);
  if (!arb) byHint.set(key, (arb = build(schema, pool, hint)));
  return arb;
}

const cache = new WeakMap<StringPool, WeakMap<Json, Map<string, fc.Arbitrary<unknown>>>>();

function build(schema: Json, pool: StringPool, hint: FieldHint): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  const variants = (schema['anyOf'] ?? schema['oneOf']) as unknown[] | undefined;
  if (Array.isArray(variants)) {
    // An optional field's suggestion (a timeout's 1000 ms) sits on the wrapper, not the number.
    const inner = {
      name: hint.name,
      value: schema['suggested'] ?? schema['default'] ?? hint.value,
    };
    return fc.oneof(...variants.map((v) => arbitraryFor(v, pool, inner)));
  }
  const value = schema['default'] ?? hint.value;
  switch (schema['type']) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer':
      return numberArb(schema, hint);
    case 'string':
      return stringArb(schema, pool);
    case 'array': {
      const item = { name: hint.name, value: Array.isArray(value) ? value[0] : undefined };
      const items = arbitraryFor(schema['items'], pool, item);
      const minLength = num(schema['minItems']) ?? 0;
      const maxLength = Math.max(
        minLength,
        Math.min(num(schema['maxItems']) ?? MAX_ITEMS, MAX_ITEMS),
      );
      return fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectArb(schema, pool, value);
  }
  throw new Error(`the fuzzer cannot draw from this schema yet: ${JSON.stringify(schema)}`);
}

/** An object with its required fields and a random subset of the others (defaults fill in). */
function objectArb(schema: Json, pool: StringPool, value: unknown): fc.Arbitrary<Json> {
  const props = isObj(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(props)) {
    model[key] = arbitraryFor(sub, pool, {
      name: key,
      value: isObj(value) ? value[key] : undefined,
    });
  }
  return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Json>;
}

/** A field the inspector edits on its own: its path from the config's root and its schema. */
export interface FieldSchema {
  path: readonly string[];
  schema: Json;
  /** Its name, and the default the enclosing object declares for it. */
  hint: FieldHint;
}

/**
 * Every field of an object schema an editor sets as one value: nested plain objects (a
 * breaker's settings, an autoscaling block) are opened, everything else — numbers, choices,
 * lists, variants, optional blocks — is one field.
 */
export function fieldsOf(
  schema: unknown,
  prefix: readonly string[] = [],
  hint?: unknown,
): FieldSchema[] {
  if (!isObj(schema) || !isObj(schema['properties'])) return [];
  return Object.entries(schema['properties']).flatMap(([key, sub]) => {
    if (!isObj(sub)) return [];
    const inherited = isObj(hint) ? hint[key] : undefined;
    const path = [...prefix, key];
    const plainObject = sub['type'] === 'object' && isObj(sub['properties']);
    return plainObject
      ? fieldsOf(sub, path, sub['default'] ?? inherited)
      : [{ path, schema: sub, hint: { name: key, value: inherited } }];
  });
}

/** `value` at `path` in a copy of `root` (intermediate objects copied, created if missing). */
export function setIn(root: Json, path: readonly string[], value: unknown): Json {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  const child = isObj(root[head]) ? (root[head] as Json) : {};
  return { ...root, [head]: rest.length ? setIn(child, rest, value) : value };
}
