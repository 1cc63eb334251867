// The built-in catalogue: one entry per scenario, each proving one or more PATTERNS.md rows.
// A new built-in is a file in this folder, a proof test next to it, and one line below.
import { circuitBreakerBuiltin } from './circuit-breaker.ts';
import type { BuiltinScenario } from './types.ts';

export { BUILTIN_VARIANTS, type BuiltinScenario, type BuiltinVariant } from './types.ts';

export const BUILTINS: readonly BuiltinScenario[] = [circuitBreakerBuiltin];

export function findBuiltin(id: string): BuiltinScenario | undefined {
  return BUILTINS.find((b) => b.id === id);
}
