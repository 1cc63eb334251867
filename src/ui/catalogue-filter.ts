import type { BuiltinScenario } from '../scenario/index.ts';

/**
 * Built-ins matching every word of the query, case-insensitively, in their title, id,
 * pattern rows (R1, E3 …) or description. An empty query keeps them all, in catalogue order.
 */
export function filterBuiltins(
  builtins: readonly BuiltinScenario[],
  query: string,
): readonly BuiltinScenario[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return builtins;
  return builtins.filter((b) => {
    const text = `${b.title} ${b.id} ${b.patterns.join(' ')} ${b.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
