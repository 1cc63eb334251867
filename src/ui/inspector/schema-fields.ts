import { humanize, rangeHint, scaleBounds, unitOf, type Bounds } from './field-units.ts';

/**
 * Turns a config JSON Schema (draft 2020-12, as zod's `toJSONSchema` writes it on the input
 * side) into a list of field descriptors the inspector renders. Pure: no React here.
 */

interface FieldBase {
  /** Property name. */
  name: string;
  /** Dotted path from the config root: `workers`, `serviceTime.meanMs`, `keys.count`. */
  path: string;
  label: string;
  /** The schema's `default`, if it has one (stored units). */
  defaultValue?: unknown;
  /** Listed in its object's `required`. */
  required: boolean;
}

export interface NumberFieldDescriptor extends FieldBase, Bounds {
  type: 'number';
  integer: boolean;
  /** Suffix in the input row: 'ms', '/s', '%'. */
  unit: string | null;
  /** display = stored × scale. Bounds are stored units; `hint` is in display units. */
  scale: number;
  hint: string | null;
}

export interface EnumFieldDescriptor extends FieldBase {
  type: 'enum';
  options: { value: string; label: string }[];
}

export interface BooleanFieldDescriptor extends FieldBase {
  type: 'boolean';
}

export interface TextFieldDescriptor extends FieldBase {
  type: 'text';
}

/** `anyOf [X, null]`: a "none" checkbox plus X. */
export interface NullableFieldDescriptor extends FieldBase {
  type: 'nullable';
  noneLabel: string;
  inner: FieldDescriptor;
}

export interface VariantDescriptor {
  value: string;
  label: string;
  /** The variant's fields, the discriminator excluded. */
  fields: FieldDescriptor[];
}

/** `oneOf` objects told apart by a `type` constant: a variant select plus the variant's fields. */
export interface UnionFieldDescriptor extends FieldBase {
  type: 'union';
  discriminator: 'type';
  variants: VariantDescriptor[];
}

export interface ObjectFieldDescriptor extends FieldBase {
  type: 'object';
  fields: FieldDescriptor[];
}

/** Anything the form cannot edit; shown read-only. */
export interface UnsupportedFieldDescriptor extends FieldBase {
  type: 'unsupported';
}

export type FieldDescriptor =
  | NumberFieldDescriptor
  | EnumFieldDescriptor
  | BooleanFieldDescriptor
  | TextFieldDescriptor
  | NullableFieldDescriptor
  | UnionFieldDescriptor
  | ObjectFieldDescriptor
  | UnsupportedFieldDescriptor;

type Schema = Record<string, unknown>;

const NONE_LABELS: Record<string, string> = {
  timeoutMs: 'No timeout',
  queueCapacity: 'Unbounded',
  latency: 'No network latency',
  keys: 'No keys',
  userCount: 'No user ids',
};

const VARIANT_LABELS: Record<string, string> = {
  lognormal: 'Log-normal',
  burst: 'Bursts',
  users: 'Closed loop (users)',
};

function isSchema(x: unknown): x is Schema {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function schemaList(x: unknown): Schema[] {
  return Array.isArray(x) ? x.filter(isSchema) : [];
}

function isNullSchema(s: Schema): boolean {
  return s['type'] === 'null' || (s['const'] === null && s['type'] === undefined);
}

/** Larger than any sensible bound: zod writes ±MAX_SAFE_INTEGER for "int, unbounded". */
function bound(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER
    ? x
    : null;
}

function bounds(s: Schema): Bounds {
  const exMin = bound(s['exclusiveMinimum']);
  const exMax = bound(s['exclusiveMaximum']);
  return {
    min: exMin ?? bound(s['minimum']),
    exclusiveMin: exMin !== null,
    max: exMax ?? bound(s['maximum']),
    exclusiveMax: exMax !== null,
  };
}

function typeNames(s: Schema): string[] {
  const t = s['type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** The constant value of a variant's `type` property, if the schema is such a variant. */
function discriminatorOf(s: Schema): string | null {
  const props = s['properties'];
  if (!isSchema(props)) return null;
  const t = props['type'];
  if (!isSchema(t)) return null;
  if (typeof t['const'] === 'string') return t['const'];
  const e = t['enum'];
  return Array.isArray(e) && e.length === 1 && typeof e[0] === 'string' ? e[0] : null;
}

function withDefault<T extends FieldBase>(field: T, s: Schema): T {
  return 'default' in s ? { ...field, defaultValue: s['default'] } : field;
}

function objectFields(s: Schema, prefix: string, skip?: string): FieldDescriptor[] {
  const props = s['properties'];
  if (!isSchema(props)) return [];
  const required = new Set(
    Array.isArray(s['required']) ? s['required'].filter((x) => typeof x === 'string') : [],
  );
  return Object.entries(props)
    .filter(([name]) => name !== skip)
    .map(([name, sub]) =>
      describeField(
        name,
        prefix ? `${prefix}.${name}` : name,
        isSchema(sub) ? sub : {},
        required.has(name),
      ),
    );
}

function unionOf(base: FieldBase, members: Schema[]): UnionFieldDescriptor | null {
  const variants: VariantDescriptor[] = [];
  for (const m of members) {
    const value = discriminatorOf(m);
    if (value === null) return null;
    variants.push({
      value,
      label: VARIANT_LABELS[value] ?? humanize(value),
      fields: objectFields(m, base.path, 'type'),
    });
  }
  return variants.length ? { ...base, type: 'union', discriminator: 'type', variants } : null;
}

/** Describes one property schema. */
export function describeField(
  name: string,
  path: string,
  s: Schema,
  required = false,
): FieldDescriptor {
  const base: FieldBase = { name, path, label: humanize(name), required };

  // Nullable: `anyOf: [X, {type: null}]` or `type: [X, 'null']`.
  const anyOf = schemaList(s['anyOf']);
  const types = typeNames(s);
  if (anyOf.some(isNullSchema) || (types.includes('null') && types.length > 1)) {
    let innerSchema: Schema;
    if (anyOf.length) {
      const rest = anyOf.filter((m) => !isNullSchema(m));
      innerSchema = rest.length === 1 && rest[0] ? rest[0] : { anyOf: rest };
    } else {
      const { default: _omit, ...restSchema } = s;
      const t = types.filter((x) => x !== 'null');
      innerSchema = { ...restSchema, type: t.length === 1 ? t[0] : t };
    }
    return withDefault(
      {
        ...base,
        type: 'nullable',
        noneLabel: NONE_LABELS[name] ?? `No ${base.label.toLowerCase()}`,
        inner: describeField(name, path, innerSchema, required),
      },
      s,
    );
  }

  const alternatives = schemaList(s['oneOf']).length ? schemaList(s['oneOf']) : anyOf;
  if (alternatives.length) {
    const union = unionOf(base, alternatives);
    return withDefault(union ?? { ...base, type: 'unsupported' }, s);
  }

  const enumValues = s['enum'];
  if (Array.isArray(enumValues) && enumValues.every((v) => typeof v === 'string')) {
    const options = enumValues.map((v) => ({ value: v, label: humanize(v) }));
    return withDefault({ ...base, type: 'enum', options }, s);
  }

  const type = types[0];
  if (type === 'number' || type === 'integer') {
    const b = bounds(s);
    const { unit, scale } = unitOf(name);
    return withDefault(
      {
        ...base,
        type: 'number',
        ...b,
        integer: type === 'integer',
        unit,
        scale,
        hint: rangeHint(scaleBounds(b, scale)),
      },
      s,
    );
  }
  if (type === 'boolean') return withDefault({ ...base, type: 'boolean' }, s);
  if (type === 'string') return withDefault({ ...base, type: 'text' }, s);
  if (type === 'object' && isSchema(s['properties'])) {
    return withDefault({ ...base, type: 'object', fields: objectFields(s, path) }, s);
  }
  return withDefault({ ...base, type: 'unsupported' }, s);
}

/** The fields of an object schema (a kind's config, an edge's config), in schema order. */
export function schemaFields(schema: unknown): FieldDescriptor[] {
  return isSchema(schema) ? objectFields(schema, '') : [];
}
