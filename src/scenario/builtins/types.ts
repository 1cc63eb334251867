import type { ScenarioWatch, SimScenario } from '../../engine/index.ts';

/** `with` runs the pattern; `without` bypasses it (same seed, same traffic, same ids). */
export type BuiltinVariant = 'with' | 'without';

export const BUILTIN_VARIANTS: readonly BuiltinVariant[] = ['with', 'without'];

/** One entry of the built-in catalogue: a scenario that shows one or more patterns. */
export interface BuiltinScenario {
  /** Stable kebab-case id, used by `sim --builtin <id>` and the catalogue dialog. */
  id: string;
  title: string;
  /** Rows of docs/patterns.md this scenario proves, e.g. ["R1"]. */
  patterns: readonly string[];
  /** What it shows, what to watch and which fault to inject (shown in the catalogue). */
  description: string;
  /** What to watch, the same for both variants (`meta.watch` of every document it builds). */
  watch: ScenarioWatch;
  variants: readonly BuiltinVariant[];
  /** A fresh, valid scenario for one variant (never shared between calls). */
  build(variant: BuiltinVariant): SimScenario;
}
