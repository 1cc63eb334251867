import type { KindRegistry, SimScenario } from '../engine/index.ts';
import {
  checkDocumentBytes,
  checkLimits,
  SCENARIO_LIMITS,
  utf8ByteLength,
  type ScenarioLimits,
} from './limits.ts';
import { CURRENT_VERSION, MIGRATIONS, migrate, type Migration } from './migrations.ts';
import { describeValue, formatErrors, type ScenarioError } from './scenario-error.ts';
import { documentSchema, SCENARIO_FORMAT } from './schema.ts';
import { checkableParts } from './checkable-parts.ts';
import { checkSemantics } from './semantic-checks.ts';
import { parseWith } from './zod-issues.ts';
import { jsonSyntaxMessage } from './json-syntax.ts';
import { depthErrors } from './json-depth.ts';

export type ParseResult =
  { ok: true; scenario: SimScenario; warnings: string[] } | { ok: false; errors: ScenarioError[] };

/** Injection points for tests (and, one day, tools that read older formats on purpose). */
export interface ParseOptions {
  migrations?: Readonly<Record<number, Migration>>;
  currentVersion?: number;
  limits?: ScenarioLimits;
}

/** A broken document can have thousands of errors; a person can act on the first hundred. */
export const MAX_REPORTED_ERRORS = 100;

function failure(errors: ScenarioError[]): ParseResult {
  if (errors.length <= MAX_REPORTED_ERRORS) return { ok: false, errors };
  const rest = errors.length - MAX_REPORTED_ERRORS;
  const more = { path: '', message: `…and ${rest} more error${rest === 1 ? '' : 's'}` };
  return { ok: false, errors: [...errors.slice(0, MAX_REPORTED_ERRORS), more] };
}

function sizeErrors(text: string, limits: ScenarioLimits): ScenarioError[] {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: small documents skip the encoding entirely.
  if (text.length * 3 <= limits.maxDocumentBytes) return [];
  return checkDocumentBytes(utf8ByteLength(text), limits);
}

function checkFormat(doc: Record<string, unknown>): ScenarioError[] {
  const format = doc['format'];
  if (format === SCENARIO_FORMAT) return [];
  const message =
    format === undefined
      ? `is required (must be "${SCENARIO_FORMAT}"); this does not look like a Faultline scenario`
      : `must be "${SCENARIO_FORMAT}" (got ${describeValue(format)})`;
  return [{ path: 'format', message }];
}

/** Validation proper, on a value whose size has already been checked. */
function parseDocument(input: unknown, registry: KindRegistry, options: ParseOptions): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const got = describeValue(input);
    return failure([{ path: '', message: `a scenario must be a JSON object (got ${got})` }]);
  }
  const raw = input as Record<string, unknown>;
  const limitErrors = checkLimits(raw, options.limits ?? SCENARIO_LIMITS);
  if (limitErrors.length) return failure(limitErrors);
  const wrongFormat = checkFormat(raw);
  if (wrongFormat.length) return failure(wrongFormat);

  const migrated = migrate(
    raw,
    options.migrations ?? MIGRATIONS,
    options.currentVersion ?? CURRENT_VERSION,
  );
  if (!migrated.ok) return failure(migrated.errors);

  const parsed = parseWith(documentSchema(registry), migrated.doc);
  if (!parsed.ok) {
    // One pass reports everything: the semantic checks still judge the lists that parsed.
    const rest = checkSemantics(checkableParts(migrated.doc, registry), registry);
    return failure([...parsed.errors, ...rest.errors]);
  }
  const doc = parsed.data;

  const semantics = checkSemantics(doc, registry);
  if (semantics.errors.length) return failure(semantics.errors);

  const scenario: SimScenario = {
    format: doc.format,
    version: doc.version,
    meta: doc.meta,
    seed: doc.seed,
    durationMs: doc.durationMs,
    nodes: semantics.nodes,
    edges: doc.edges,
    faults: doc.faults,
    groups: doc.groups,
  };
  return { ok: true, scenario, warnings: formatErrors(semantics.warnings) };
}

/**
 * Validates an already-decoded document (any value at all) against the format and the kind
 * registry. Never throws: every problem comes back as a path + human-readable message.
 */
export function parseScenario(
  input: unknown,
  registry: KindRegistry,
  options: ParseOptions = {},
): ParseResult {
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch {
    return failure([{ path: '', message: 'document is not plain JSON data' }]);
  }
  if (text !== undefined) {
    const tooBig = sizeErrors(text, options.limits ?? SCENARIO_LIMITS);
    if (tooBig.length) return failure(tooBig);
    // The same bound as for text, so a value and its JSON text are judged alike.
    const tooDeep = depthErrors(text);
    if (tooDeep.length) return failure(tooDeep);
  }
  return parseDocument(input, registry, options);
}

/**
 * Validates JSON text (a pasted or uploaded file); the size limit and the nesting depth are
 * checked before parsing.
 */
export function parseScenarioText(
  text: string,
  registry: KindRegistry,
  options: ParseOptions = {},
): ParseResult {
  if (typeof text !== 'string') {
    return failure([{ path: '', message: `document must be text (got ${describeValue(text)})` }]);
  }
  const tooBig = sizeErrors(text, options.limits ?? SCENARIO_LIMITS);
  if (tooBig.length) return failure(tooBig);
  if (text.trim() === '') return failure([{ path: '', message: 'document is empty' }]);
  // Before JSON.parse, which is slow on a hostile nesting of lists (see json-depth.ts).
  const tooDeep = depthErrors(text);
  if (tooDeep.length) return failure(tooDeep);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return failure([{ path: '', message: jsonSyntaxMessage(err, text) }]);
  }
  return parseDocument(doc, registry, options);
}
