/**
 * Units, display scales, labels and range hints for the form: what a field's schema does not
 * declare comes from the naming rule (`…Ms`, `…PerSec`, camelCase words). Pure functions; the
 * form and the fault editors both use them.
 */

export interface UnitInfo {
  /** Suffix shown inside the input row, or null. */
  unit: string | null;
  /** display = stored × scale (100 for shares shown as a percentage). */
  scale: number;
}

/**
 * The unit a numeric field's name implies by the project's naming rule (`…Ms`, `…PerSec`).
 * Everything else — shares shown as %, multipliers, percentages — a field declares on its
 * schema (`.meta({ unit, scale })`, or the engine's `share()`).
 */
export function unitOf(name: string): UnitInfo {
  if (/[a-z0-9]Ms$/.test(name)) return { unit: 'ms', scale: 1 };
  if (/[a-z0-9]PerSec$/.test(name)) return { unit: '/s', scale: 1 };
  return { unit: null, scale: 1 };
}

/** Removes float noise (0.07 × 100 = 7.000000000000001) without losing real precision. */
export function cleanNumber(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

export function toDisplay(stored: number, scale: number): number {
  return scale === 1 ? stored : cleanNumber(stored * scale);
}

export function fromDisplay(display: number, scale: number): number {
  return scale === 1 ? display : cleanNumber(display / scale);
}

/** The text an input shows for a stored number. */
export function displayText(stored: unknown, scale: number): string {
  return typeof stored === 'number' && Number.isFinite(stored)
    ? String(toDisplay(stored, scale))
    : '';
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; error: string };

/** Parses what the user typed (display units). Accepts a decimal comma. */
export function parseNumberText(text: string, integer: boolean): ParsedNumber {
  const t = text.trim().replace(',', '.');
  const value = t === '' ? Number.NaN : Number(t);
  if (!Number.isFinite(value)) {
    return { ok: false, error: `must be a number${t === '' ? '' : ` (got "${text.trim()}")`}` };
  }
  if (integer && !Number.isInteger(value)) {
    return { ok: false, error: `must be an integer (got ${value})` };
  }
  return { ok: true, value };
}

export interface Bounds {
  min: number | null;
  exclusiveMin: boolean;
  max: number | null;
  exclusiveMax: boolean;
}

/** The bound a value (in the same units as `b`) breaks, worded like the store's messages. */
export function boundsError(value: number, b: Bounds): string | null {
  if (b.min !== null && (b.exclusiveMin ? value <= b.min : value < b.min)) {
    return `must be a number ${b.exclusiveMin ? '>' : '≥'} ${b.min} (got ${value})`;
  }
  if (b.max !== null && (b.exclusiveMax ? value >= b.max : value > b.max)) {
    return `must be a number ${b.exclusiveMax ? '<' : '≤'} ${b.max} (got ${value})`;
  }
  return null;
}

/** "1 – 10000", "≥ 0", "> 0", "> 0, ≤ 5"; null without bounds. */
export function rangeHint(b: Bounds): string | null {
  const { min, max } = b;
  if (min !== null && max !== null && !b.exclusiveMin && !b.exclusiveMax) return `${min} – ${max}`;
  const parts: string[] = [];
  if (min !== null) parts.push(`${b.exclusiveMin ? '>' : '≥'} ${min}`);
  if (max !== null) parts.push(`${b.exclusiveMax ? '<' : '≤'} ${max}`);
  return parts.length ? parts.join(', ') : null;
}

/** Bounds in display units. */
export function scaleBounds(b: Bounds, scale: number): Bounds {
  return {
    ...b,
    min: b.min === null ? null : toDisplay(b.min, scale),
    max: b.max === null ? null : toDisplay(b.max, scale),
  };
}

/** "queueCapacity" → "Queue capacity"; unit suffixes are dropped (the unit is shown apart). */
export function humanize(name: string): string {
  const base = name.replace(/(?<=[a-z0-9])(Ms|PerSec)$/, '');
  const words = base
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
