import type { FieldDescriptor, ListFieldDescriptor } from './field-descriptors.ts';
import { parseStoreError } from './field-errors.ts';

/**
 * The pure side of the list editor: where an item's fields live (paths with the index, as the
 * store's messages name them), how items are told apart in words, and the array edits.
 */

/** The placeholder index of an item descriptor's paths (`routes[#].prefix`). */
export const ITEM_PLACEHOLDER = '[#]';

/**
 * A path as a test id: indices become dashes, dots stay (`routes[1].percentToNew` →
 * `routes-1-percentToNew`, `serviceTime.meanMs` unchanged).
 */
export function testPath(path: string): string {
  return path.replace(/\[(\d+)\](\.?)/g, (_m, i: string, dot: string) => `-${i}${dot ? '-' : ''}`);
}

function rebase(path: string, from: string, to: string): string {
  return path.startsWith(from) ? to + path.slice(from.length) : path;
}

/** A copy of `field` whose paths (and its children's) start with `to` instead of `from`. */
function rebaseField(field: FieldDescriptor, from: string, to: string): FieldDescriptor {
  const path = rebase(field.path, from, to);
  switch (field.type) {
    case 'nullable':
      return { ...field, path, inner: rebaseField(field.inner, from, to) };
    case 'union':
      return {
        ...field,
        path,
        variants: field.variants.map((v) => ({
          ...v,
          fields: v.fields.map((f) => rebaseField(f, from, to)),
        })),
      };
    case 'object':
      return { ...field, path, fields: field.fields.map((f) => rebaseField(f, from, to)) };
    case 'list':
      return { ...field, path, item: rebaseField(field.item, from, to) };
    default:
      return { ...field, path };
  }
}

/** The list's item descriptor placed at `index`: `routes[#].prefix` → `routes[2].prefix`. */
export function itemField(list: ListFieldDescriptor, index: number): FieldDescriptor {
  return rebaseField(list.item, `${list.path}${ITEM_PLACEHOLDER}`, `${list.path}[${index}]`);
}

/** "Route 2" for routes[1]: people count from one. */
export function itemLabel(list: ListFieldDescriptor, index: number): string {
  const noun = list.itemNoun;
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${index + 1}`;
}

/** What tells an item apart at a glance: its first non-empty text field (`/orders`), or ''. */
export function itemSummary(list: ListFieldDescriptor, item: unknown): string {
  if (list.item.type === 'text') return typeof item === 'string' ? item : '';
  if (list.item.type !== 'object' || typeof item !== 'object' || item === null) return '';
  const obj = item as Record<string, unknown>;
  for (const f of list.item.fields) {
    const v = obj[f.name];
    if (f.type === 'text' && typeof v === 'string' && v !== '') return v;
  }
  return '';
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function replaceItem(items: readonly unknown[], index: number, item: unknown): unknown[] {
  return items.map((x, i) => (i === index ? item : x));
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** The items with `index` moved by `delta` places (clamped to the list's ends). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const out = [...items];
  if (index < 0 || index >= items.length) return out;
  const to = Math.max(0, Math.min(items.length - 1, index + delta));
  out.splice(to, 0, ...out.splice(index, 1));
  return out;
}

/** Simple fields can sit two to a row; groups and lists take the card's whole width. */
function isCompact(f: FieldDescriptor): boolean {
  if (f.type === 'nullable') return f.inner.type === 'number';
  return f.type === 'number' || f.type === 'text' || f.type === 'enum' || f.type === 'boolean';
}

/**
 * Which fields pair up in a row: two compact neighbours share one; a compact field that would
 * sit alone (before a wide one, or last) takes the row, so no half row is left empty.
 */
export function pairedFields(fields: readonly FieldDescriptor[]): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const next = fields[i + 1];
    if (f && next && isCompact(f) && isCompact(next)) {
      out.push(true, true);
      i++;
    } else out.push(false);
  }
  return out;
}

/** "a, b , ,c" → ["a", "b", "c"]: commas or line breaks separate, blanks are dropped. */
export function parseStringList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function formatStringList(items: readonly unknown[]): string {
  return items.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
}

/**
 * The values of a set of enum options after checking or clearing `option`: options keep their
 * schema order; values the schema does not list (from an older document) stay at the end.
 */
export function toggleOption(
  options: readonly string[],
  current: readonly unknown[],
  option: string,
  on: boolean,
): unknown[] {
  const chosen = new Set(current);
  if (on) chosen.add(option);
  else chosen.delete(option);
  const known = options.filter((o) => chosen.has(o));
  const unknown = current.filter((x) => typeof x !== 'string' || !options.includes(x));
  return [...known, ...unknown.filter((x) => chosen.has(x))];
}

/**
 * The messages of a refused list edit that no item field shows: about the list itself
 * (`routes: must have at least 1 items`), a whole item (`routes[1]: …`) or elsewhere.
 */
export function listLevelErrors(errors: readonly string[], listPath: string): string[] {
  const itemRoot = new RegExp(`^${listPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[\\d+\\]$`);
  return errors.flatMap((e) => {
    const { path, message } = parseStoreError(e);
    if (path === listPath) return [message];
    if (path === null) return [message];
    if (itemRoot.test(path) || !path.startsWith(`${listPath}[`)) return [`${path}: ${message}`];
    return [];
  });
}
