import type { ScenarioError } from './scenario-error.ts';

/** Hard caps checked before anything else, so a hostile link cannot stall or exhaust the tab. */
export const SCENARIO_LIMITS = {
  maxDocumentBytes: 1_048_576,
  maxNodes: 1000,
  maxEdges: 5000,
  maxFaults: 1000,
  maxGroups: 200,
  maxDurationMs: 7 * 24 * 3600 * 1000,
} as const;

export type ScenarioLimits = { readonly [K in keyof typeof SCENARIO_LIMITS]: number };

const encoder = new TextEncoder();

/** Size of a string once encoded as UTF-8, which is what a link or file actually carries. */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

export function checkDocumentBytes(
  bytes: number,
  limits: ScenarioLimits = SCENARIO_LIMITS,
): ScenarioError[] {
  if (bytes <= limits.maxDocumentBytes) return [];
  return [
    {
      path: '',
      message: `document is ${bytes} bytes; the limit is ${limits.maxDocumentBytes} bytes`,
    },
  ];
}

const MS_PER_DAY = 24 * 3600 * 1000;

const COUNTED = [
  ['nodes', 'maxNodes'],
  ['edges', 'maxEdges'],
  ['faults', 'maxFaults'],
  ['groups', 'maxGroups'],
] as const;

/** Counts and duration on the raw document; malformed fields are left to the schema. */
export function checkLimits(
  doc: Record<string, unknown>,
  limits: ScenarioLimits = SCENARIO_LIMITS,
): ScenarioError[] {
  const errors: ScenarioError[] = [];
  for (const [field, limit] of COUNTED) {
    const list = doc[field];
    if (Array.isArray(list) && list.length > limits[limit]) {
      errors.push({
        path: field,
        message: `document has ${list.length} ${field}; the limit is ${limits[limit]}`,
      });
    }
  }
  const durationMs = doc['durationMs'];
  if (typeof durationMs === 'number' && durationMs > limits.maxDurationMs) {
    const days = limits.maxDurationMs / MS_PER_DAY;
    const human = Number.isInteger(days) ? ` (${days} days)` : '';
    errors.push({
      path: 'durationMs',
      message: `run lasts ${durationMs} ms; the limit is ${limits.maxDurationMs} ms${human}`,
    });
  }
  return errors;
}
