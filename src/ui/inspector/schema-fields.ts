import type {
  FieldBase,
  FieldDescriptor,
  ListFieldDescriptor,
  UnionFieldDescriptor,
  VariantDescriptor,
} from './field-descriptors.ts';
import { humanize, rangeHint, scaleBounds, unitOf, type Bounds } from './field-units.ts';

export type {
  BooleanFieldDescriptor,
  EnumFieldDescriptor,
  FieldDescriptor,
  ListFieldDescriptor,
  NullableFieldDescriptor,
  NumberFieldDescriptor,
  ObjectFieldDescriptor,
  TextFieldDescriptor,
  UnionFieldDescriptor,
  UnsupportedFieldDescriptor,
  VariantDescriptor,
} from './field-descriptors.ts';

/**
 * Turns a config JSON Schema (draft 2020-12, as zod's `toJSONSchema` writes it on the input
 * side) into a list of field descriptors the inspector renders. Pure: no React here.
 */

type Schema = Record<string, unknown>;

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
  const out = 'suggested' in s ? { ...field, suggested: s['suggested'] } : field;
  return 'default' in s ? { ...out, defaultValue: s['default'] } : out;
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
      label: typeof m['title'] === 'string' ? m['title'] : humanize(value),
      fields: objectFields(m, base.path, 'type'),
    });
  }
  return variants.length ? { ...base, type: 'union', discriminator: 'type', variants } : null;
}

/** "routes" → "route", "entries" → "entry"; names that are not plurals give "item". */
export function singular(name: string): string {
  const words = humanize(name).toLowerCase();
  if (/ies$/.test(words)) return words.replace(/ies$/, 'y');
  if (/[^su]s$/.test(words)) return words.slice(0, -1);
  return 'item';
}

function listOf(base: FieldBase, s: Schema, items: Schema): FieldDescriptor {
  const itemNoun = singular(base.name);
  const item = describeField(itemNoun, `${base.path}[#]`, items, true);
  if (item.type === 'unsupported') return { ...base, type: 'unsupported' };
  const list: ListFieldDescriptor = {
    ...base,
    type: 'list',
    item: { ...item, label: humanize(itemNoun) },
    minItems: bound(s['minItems']) ?? 0,
    maxItems: bound(s['maxItems']),
    itemNoun,
  };
  return list;
}

/** Metadata a field declares on its schema (`.meta({ title, unit, scale, … })`). */
function metaOf(s: Schema): Schema {
  const meta: Schema = {};
  for (const key of ['title', 'unit', 'scale', 'suggested']) if (key in s) meta[key] = s[key];
  return meta;
}

/** The unit a schema declares (`unit`, `scale`), else the one its name implies. */
function unitOfSchema(name: string, s: Schema): { unit: string | null; scale: number } {
  if (typeof s['unit'] !== 'string') return unitOf(name);
  return { unit: s['unit'], scale: typeof s['scale'] === 'number' ? s['scale'] : 1 };
}

/** Describes one property schema. */
export function describeField(
  name: string,
  path: string,
  s: Schema,
  required = false,
): FieldDescriptor {
  const title = typeof s['title'] === 'string' ? s['title'] : null;
  const base: FieldBase = { name, path, label: title ?? humanize(name), required };

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
    // The field's own metadata (title, unit) describes the value inside "none" too.
    innerSchema = { ...metaOf(s), ...innerSchema };
    return withDefault(
      {
        ...base,
        type: 'nullable',
        // The field's own words for "none" (`.meta({ noneLabel })`), else a generic phrase.
        noneLabel:
          typeof s['noneLabel'] === 'string' ? s['noneLabel'] : `No ${base.label.toLowerCase()}`,
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
    const { unit, scale } = unitOfSchema(name, s);
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
  if (type === 'string') {
    const minLength = bound(s['minLength']) ?? 0;
    const pattern = typeof s['pattern'] === 'string' ? s['pattern'] : null;
    return withDefault({ ...base, type: 'text', minLength, pattern }, s);
  }
  if (type === 'array' && isSchema(s['items'])) {
    return withDefault(listOf(base, s, s['items']), s);
  }
  if (type === 'object' && isSchema(s['properties'])) {
    return withDefault({ ...base, type: 'object', fields: objectFields(s, path) }, s);
  }
  return withDefault({ ...base, type: 'unsupported' }, s);
}

/** The fields of an object schema (a kind's config, an edge's config), in schema order. */
export function schemaFields(schema: unknown): FieldDescriptor[] {
  return isSchema(schema) ? objectFields(schema, '') : [];
}
