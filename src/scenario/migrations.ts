import { nextId } from './document.ts';
import { describeValue, type ScenarioError } from './scenario-error.ts';

/** The format version this app writes. Every format change bumps it and adds a migration. */
export const CURRENT_VERSION = 2;

/** Rewrites a document of version n into version n + 1 (`migrate` updates `version` itself). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a list (anything else is left for the schema to report). */
function objectsIn(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

const idOf = (item: Record<string, unknown>): string | undefined =>
  typeof item['id'] === 'string' ? item['id'] : undefined;

/** The edge fault types version 1 had (frozen: a migration reads documents of its own day). */
const EDGE_FAULTS: ReadonlySet<unknown> = new Set(['partition', 'edge-latency']);

/**
 * Version 1 → 2: adds `groups` (bounded contexts drawn on the canvas; a version-1 document
 * has none). Version 2 also wants ids unique across nodes, edges, faults and groups, where
 * version 1 only checked each list on its own; so an edge whose id a node uses, or a fault
 * whose id a node or edge uses, gets the first free `id-2`, `id-3`, … and edge faults follow
 * their edge. Only the first item of a list with a given id is renamed: duplicates within a
 * list were errors in version 1 and stay errors.
 */
export const addGroups: Migration = (doc) => {
  const nodes = objectsIn(doc['nodes']);
  const edges = objectsIn(doc['edges']);
  const faults = objectsIn(doc['faults']);
  const taken = new Set<string>();
  for (const item of [...nodes, ...edges, ...faults]) {
    const id = idOf(item);
    if (id !== undefined) taken.add(id);
  }
  const rename = (item: Record<string, unknown>, id: string): string => {
    const fresh = nextId(id, taken);
    taken.add(fresh);
    item['id'] = fresh;
    return fresh;
  };

  const nodeIds = new Set(nodes.map(idOf));
  const edgeIds = new Set<string>();
  const renamedEdges = new Map<string, string>();
  for (const edge of edges) {
    const id = idOf(edge);
    if (id === undefined) continue;
    if (nodeIds.has(id) && !renamedEdges.has(id)) {
      const fresh = rename(edge, id);
      renamedEdges.set(id, fresh);
      edgeIds.add(fresh);
    } else edgeIds.add(id);
  }
  const renamedFaults = new Set<string>();
  for (const fault of faults) {
    const target = fault['target'];
    if (EDGE_FAULTS.has(fault['type']) && typeof target === 'string') {
      fault['target'] = renamedEdges.get(target) ?? target;
    }
    const id = idOf(fault);
    if (id !== undefined && (nodeIds.has(id) || edgeIds.has(id)) && !renamedFaults.has(id)) {
      renamedFaults.add(id);
      rename(fault, id);
    }
  }
  // A version-1 document with a `groups` field was invalid; the schema still says why.
  return Object.hasOwn(doc, 'groups') ? doc : { ...doc, groups: [] };
};

/** Key n migrates version n → n + 1. Links must keep working forever, so entries are never removed. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: addGroups };

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown>; fromVersion: number }
  | { ok: false; errors: ScenarioError[] };

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
