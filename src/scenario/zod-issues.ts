import type { z } from 'zod';
import { describeValue, formatPath, joinPath, type ScenarioError } from './scenario-error.ts';

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

/** zod's own safe-integer range check: true but unhelpful next to the field's real bound. */
function isSafeRangeIssue(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';
}

/**
 * zod issues → scenario errors under `basePath`. One sentence per field (a value breaking two
 * bounds needs one), preferring the field's own bound; unknown-key reports always survive.
 */
export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  basePath = '',
): ScenarioError[] {
  const chosen = new Map<string, { path: string; issue: z.core.$ZodIssue }>();
  for (const issue of issues) {
    const path = joinPath(basePath, formatPath(issue.path));
    const key = issue.code === 'unrecognized_keys' ? `${path} (keys)` : path;
    const current = chosen.get(key);
    if (!current || (isSafeRangeIssue(current.issue) && !isSafeRangeIssue(issue))) {
      chosen.set(key, { path, issue });
    }
  }
  return [...chosen.values()].map(({ path, issue }) => ({ path, message: issue.message }));
}

export type SchemaResult<T> = { ok: true; data: T } | { ok: false; errors: ScenarioError[] };

/** Parses with the user-facing error map; never throws for a misbehaving schema either. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, basePath = ''): SchemaResult<T> {
  let result: ReturnType<z.ZodType<T>['safeParse']>;
  try {
    result = schema.safeParse(input, { error: issueMessage });
  } catch {
    // A schema that throws (e.g. an async refinement or a buggy transform) must not crash the app.
    return { ok: false, errors: [{ path: basePath, message: 'could not be validated' }] };
  }
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: issuesToErrors(result.error.issues, basePath) };
}
