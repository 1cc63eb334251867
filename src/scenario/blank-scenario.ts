import type { KindRegistry, SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { formatErrors } from './scenario-error.ts';
import { parseScenario } from './validate.ts';

export const BLANK_TITLE = 'Untitled scenario';

/** What New scenario opens: an empty canvas with a fresh title, the default seed and length. */
export function blankScenario(registry: KindRegistry = REGISTRY): SimScenario {
  const parsed = parseScenario(
    {
      format: 'faultline-scenario',
      version: 2,
      meta: { title: BLANK_TITLE, description: '', patterns: [] },
      seed: 42,
      durationMs: 300_000,
      nodes: [],
      edges: [],
      faults: [],
    },
    registry,
  );
  if (!parsed.ok) throw new Error(`the blank scenario is invalid: ${formatErrors(parsed.errors)}`);
  return parsed.scenario;
}
