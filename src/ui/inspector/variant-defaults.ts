import {
  ARRIVAL_TYPES,
  arrivalAroundPerSec,
  arrivalSchema,
  DISTRIBUTION_TYPES,
  distributionAroundMs,
  distributionMeanMs,
  distributionSchema,
  meanArrivalRatePerSec,
} from '../../scenario/index.ts';
import type {
  FieldDescriptor,
  ListFieldDescriptor,
  TextFieldDescriptor,
  UnionFieldDescriptor,
} from './schema-fields.ts';

/**
 * Sensible values for fields that appear in the form: when a nullable field stops being
 * "none", and when a union switches variant (a distribution from exponential to log-normal
 * keeps its mean; an arrival process keeps its rate). Pure.
 */

const FALLBACK_MEAN_MS = 10;
const FALLBACK_RATE_PER_SEC = 50;

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Three significant digits: derived values read like typed ones. */
export function nice(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(3));
}

/** Mean of a latency distribution in ms (the engine's formula), or null if the value is not one. */
export function distributionMean(d: unknown): number | null {
  const parsed = distributionSchema.safeParse(d);
  return parsed.success ? distributionMeanMs(parsed.data) : null;
}

/** Long-run request rate of an arrival process in requests/s (the engine's formula), or null. */
export function arrivalRate(a: unknown): number | null {
  const parsed = arrivalSchema.safeParse(a);
  return parsed.success ? meanArrivalRatePerSec(parsed.data) : null;
}

/** A variant's fields (the discriminator dropped), each number rounded by `nice`. */
function fieldsOf(value: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    if (k !== 'type') out[k] = typeof v === 'number' ? nice(v) : v;
  }
  return out;
}

const isDistributionType = (v: string): v is (typeof DISTRIBUTION_TYPES)[number] =>
  (DISTRIBUTION_TYPES as readonly string[]).includes(v);
const isArrivalType = (v: string): v is (typeof ARRIVAL_TYPES)[number] =>
  (ARRIVAL_TYPES as readonly string[]).includes(v);

/** Family-specific values derived from the current value, for the union's new variant. */
function familyFill(union: UnionFieldDescriptor, current: unknown, type: string): Obj {
  const values = union.variants.map((v) => v.value);
  if (values.every(isDistributionType) && isDistributionType(type)) {
    const mean = distributionMean(current);
    return fieldsOf(
      distributionAroundMs(type, mean !== null && mean > 0 ? mean : FALLBACK_MEAN_MS),
    );
  }
  if (values.every(isArrivalType) && isArrivalType(type)) {
    const rate = arrivalRate(current);
    return fieldsOf(
      // A silenced client (rate 0) stays silent in its new form.
      arrivalAroundPerSec(type, rate !== null && rate >= 0 ? rate : FALLBACK_RATE_PER_SEC),
    );
  }
  return {};
}

function clampNumber(field: Extract<FieldDescriptor, { type: 'number' }>, x: number): number {
  let v = field.integer ? Math.round(x) : x;
  if (field.min !== null && (field.exclusiveMin ? v <= field.min : v < field.min)) {
    v = field.exclusiveMin ? field.min + 1 : field.min;
  }
  if (field.max !== null && v > field.max) v = field.max;
  return v;
}

/**
 * A valid-looking starting value for a field: its schema default, else a suggestion by
 * name, else something inside its bounds.
 */
export function initialValue(field: FieldDescriptor): unknown {
  if (field.defaultValue !== undefined && field.type !== 'nullable') return field.defaultValue;
  const suggested = field.suggested;
  switch (field.type) {
    case 'number':
      return clampNumber(field, typeof suggested === 'number' ? suggested : 1);
    case 'enum':
      return field.options[0]?.value ?? '';
    case 'boolean':
      return false;
    case 'text':
      return '';
    case 'nullable':
      return field.defaultValue !== undefined ? field.defaultValue : null;
    case 'union': {
      if (isObj(suggested) && field.variants.some((v) => v.value === suggested['type'])) {
        return suggested;
      }
      const first = field.variants[0];
      return first ? switchVariant(field, undefined, first.value) : null;
    }
    case 'object':
      return Object.fromEntries(field.fields.map((f) => [f.name, initialValue(f)]));
    case 'list': {
      // As few items as the list needs; an empty string is never a useful entry, so a list of
      // required names starts empty and the store's message asks for one.
      const out: unknown[] = [];
      while (out.length < field.minItems) {
        const item = newListItem(field, out);
        if (item === '') break;
        out.push(item);
      }
      return out;
    }
    case 'unsupported':
      return suggested ?? null;
  }
}

/** The value a nullable field takes when its "none" box is cleared. */
export function initialInnerValue(field: FieldDescriptor): unknown {
  return field.type === 'nullable' ? initialValue(field.inner) : initialValue(field);
}

/**
 * The union's value after switching to variant `type`: each field takes its schema default,
 * else a value derived from the current one (same mean, same rate), else a suggestion.
 */
export function switchVariant(union: UnionFieldDescriptor, current: unknown, type: string): Obj {
  const variant = union.variants.find((v) => v.value === type);
  if (!variant) return { [union.discriminator]: type };
  if (isObj(current) && current[union.discriminator] === type) return current;
  const derived = familyFill(union, current, type);
  const out: Obj = { [union.discriminator]: type };
  for (const f of variant.fields) {
    if (f.defaultValue !== undefined) out[f.name] = f.defaultValue;
    else if (f.name in derived) {
      const d = derived[f.name];
      out[f.name] = f.type === 'number' && typeof d === 'number' ? clampNumber(f, d) : d;
    } else out[f.name] = initialValue(f);
  }
  return out;
}

/** Text for a new item's field: by name (a path), else the literal start of its pattern. */
const SUGGESTED_TEXT: Record<string, string> = {
  path: '/new',
  prefix: '/new',
};

/** `^\/` → "/", `^api-` → "api-": the characters a pattern's match must start with. */
export function patternStart(pattern: string | null): string {
  if (!pattern?.startsWith('^')) return '';
  let out = '';
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && /[^A-Za-z0-9]/.test(pattern.charAt(i + 1))) {
      out += pattern.charAt(i + 1);
      i++;
    } else if (/[A-Za-z0-9/_-]/.test(c) && !/[*+?{]/.test(pattern.charAt(i + 1))) {
      out += c;
    } else break;
  }
  return out;
}

/** `base`, else `base-2`, `base-3` … whichever no sibling uses yet. */
export function uniqueText(base: string, taken: readonly unknown[]): string {
  if (base === '' || !taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function textSuggestion(field: TextFieldDescriptor): string {
  return SUGGESTED_TEXT[field.name] ?? patternStart(field.pattern);
}

/** A new item's field: its default, else a fresh value that no sibling's text repeats. */
function freshValue(field: FieldDescriptor, siblings: readonly unknown[], last: unknown): unknown {
  if (field.defaultValue !== undefined) return field.defaultValue;
  if (field.type === 'text') return uniqueText(textSuggestion(field), siblings);
  // A list of names that must not be empty (a route's targets) borrows the previous item's:
  // nothing else could guess a valid one.
  if (field.type === 'list' && Array.isArray(last) && last.length >= field.minItems) {
    return [...(last as unknown[])];
  }
  return initialValue(field);
}

/**
 * The item "Add" appends: each field's schema default, else a sensible value (a unique path
 * for text, a value inside the bounds for numbers, the previous item's names for a required
 * list). It may still be refused (a required list with no previous item): the editor keeps it
 * pending with the store's message next to the field.
 */
export function newListItem(list: ListFieldDescriptor, items: readonly unknown[]): unknown {
  const { item } = list;
  const last = items[items.length - 1];
  if (item.type !== 'object') return freshValue(item, items, last);
  const out: Obj = {};
  for (const f of item.fields) {
    const siblings = items.map((x) => (isObj(x) ? x[f.name] : undefined));
    out[f.name] = freshValue(f, siblings, isObj(last) ? last[f.name] : undefined);
  }
  return out;
}
