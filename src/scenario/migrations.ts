import { describeValue, type ScenarioError } from './scenario-error.ts';

/** The format version this app writes. Every format change bumps it and adds a migration. */
export const CURRENT_VERSION = 1;

/** Rewrites a document of version n into version n + 1 (`migrate` updates `version` itself). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Key n migrates version n → n + 1. Links must keep working forever, so entries are never removed. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown>; fromVersion: number }
  | { ok: false; errors: ScenarioError[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string): MigrateResult {
  return { ok: false, errors: [{ path, message }] };
}

/**
 * Brings a raw document up to `current`. The input is never mutated: the migrations work on a
 * deep copy. Errors for missing, malformed, future or unreachable versions.
 */
export function migrate(
  doc: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = CURRENT_VERSION,
): MigrateResult {
  const version = doc['version'];
  if (version === undefined) {
    return fail('version', `is required (an integer; this app writes version ${current})`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail('version', `must be an integer (got ${describeValue(version)})`);
  }
  if (version < 0 || !Number.isSafeInteger(version)) {
    return fail('version', `is not a Faultline format version (got ${version})`);
  }
  if (version > current) {
    return fail(
      '',
      `this scenario was made by a newer version of Faultline (version ${version}; this app reads up to ${current})`,
    );
  }
  if (version === current) return { ok: true, doc, fromVersion: version };

  // Check the whole chain exists before doing any work.
  const steps: Migration[] = [];
  for (let v = version; v < current; v++) {
    const step = Object.hasOwn(migrations, v) ? migrations[v] : undefined;
    if (!step) {
      return fail(
        'version',
        `cannot read version ${version}: no migration from version ${v} to ${v + 1}`,
      );
    }
    steps.push(step);
  }

  let out: Record<string, unknown>;
  try {
    out = structuredClone(doc);
  } catch {
    return fail('', 'document is not plain JSON data');
  }
  for (const [i, step] of steps.entries()) {
    const from = version + i;
    try {
      const next = step(out);
      if (!isPlainObject(next)) throw new Error('the migration produced no document');
      out = { ...next, version: from + 1 };
    } catch (err) {
      // Migrations run on untrusted documents; a malformed one must not crash the app.
      const reason = err instanceof Error ? `: ${err.message}` : '';
      return fail(
        '',
        `could not upgrade this scenario from version ${from} to ${from + 1}${reason}`,
      );
    }
  }
  return { ok: true, doc: out, fromVersion: version };
}
