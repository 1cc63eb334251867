import type { z } from 'zod';

// The sentences people read for invalid input, shared by scenario validation, kind configs
// and live edits ("must be a number ≥ 1 (got 0)"). Pure: no UI, no I/O.

const MAX_QUOTED_CHARS = 40;

/** A user-supplied string quoted for a message, truncated so hostile input cannot flood it. */
export function quote(value: string): string {
  const short =
    value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS - 1)}…` : value;
  return JSON.stringify(short);
}

/** A short description of a received value for "(got …)" clauses. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

type RawIssue = z.core.$ZodRawIssue;

const EXPECTED_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function got(issue: RawIssue): string {
  // zod reports non-finite numbers via `received` and drops the input itself.
  const received = issue['received'];
  return typeof received === 'string' ? received : describeValue(issue.input);
}

function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  return undefined;
}

function bound(issue: RawIssue & { inclusive?: boolean }, big: boolean, limit: unknown): string {
  const op = big ? (issue.inclusive ? '≤' : '<') : issue.inclusive ? '≥' : '>';
  const origin = issue['origin'];
  const size = sizeOf(issue.input);
  if (origin === 'string') {
    if (!big && limit === 1) return 'must not be empty';
    const word = big ? 'at most' : 'at least';
    return `must be ${word} ${String(limit)} characters (got ${size ?? '?'})`;
  }
  if (origin === 'array' || origin === 'set') {
    const word = big ? 'at most' : 'at least';
    return `must have ${word} ${String(limit)} items (got ${size ?? '?'})`;
  }
  return `must be a number ${op} ${String(limit)} (got ${got(issue)})`;
}

/** Names of the fields an object schema accepts, when the issue came from one. */
function knownFields(issue: RawIssue): string[] {
  const inst = issue.inst as { _zod?: { def?: { shape?: object } } } | undefined;
  const shape = inst?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unknownKeys(issue: RawIssue & { keys: string[] }): string {
  const names = issue.keys.slice(0, 5).map((k) => describeValue(k));
  const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
  const noun = issue.keys.length === 1 ? 'unknown field' : 'unknown fields';
  const fields = knownFields(issue);
  const hint = fields.length ? `; expected one of: ${fields.join(', ')}` : '';
  return `${noun} ${names.join(', ')}${more}${hint}`;
}

/**
 * A zod error map producing the sentences users see ("must be a number ≥ 1 (got 0)").
 * Schema-level custom messages take precedence over it (zod's own rule).
 */
export function issueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      if (issue.input === undefined && issue['received'] === undefined) {
        return `is required (${expected})`;
      }
      return `must be ${expected} (got ${got(issue)})`;
    }
    case 'too_small':
      return bound(issue, false, issue.minimum);
    case 'too_big':
      return bound(issue, true, issue.maximum);
    case 'invalid_value': {
      const options = issue.values.map(literal);
      const want = options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
      if (issue.input === undefined) return `is required (must be ${want})`;
      return `must be ${want} (got ${got(issue)})`;
    }
    case 'unrecognized_keys':
      return unknownKeys(issue);
    case 'invalid_union': {
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator && options && issue.input && typeof issue.input === 'object') {
        const want = `one of ${options.map(literal).join(', ')}`;
        const value = (issue.input as Record<string, unknown>)[discriminator];
        return value === undefined
          ? `is required (${want})`
          : `must be ${want} (got ${describeValue(value)})`;
      }
      return `does not match any accepted form (got ${got(issue)})`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor} (got ${got(issue)})`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? `has an invalid format (got ${got(issue)})`
        : `must be a valid ${issue.format} (got ${got(issue)})`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    default:
      return issue.message ?? 'is invalid';
  }
}
