import type { z } from 'zod';
import { issueMessage } from '../engine/index.ts';
import { formatPath, joinPath, type ScenarioError } from './scenario-error.ts';

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
