import type { SimContext } from './context.ts';
import type { NodeRuntime } from './kind.ts';

interface Cached<Config, Value> {
  config: Config;
  value: Value;
}

/**
 * A node's values derived from its config (compiled samplers, stream handles), kept in
 * `node.derived` and rebuilt only when the config object changes: configs are replaced on
 * edit, never mutated. `build` should be a module-level function, so the per-event call
 * allocates nothing.
 */
export function cachedDerived<Config, State, Value>(
  ctx: SimContext,
  node: NodeRuntime<Config, State>,
  build: (ctx: SimContext, node: NodeRuntime<Config, State>) => Value,
): Value {
  const cached = node.derived as Cached<Config, Value> | undefined;
  if (cached && cached.config === node.config) return cached.value;
  const fresh: Cached<Config, Value> = { config: node.config, value: build(ctx, node) };
  node.derived = fresh;
  return fresh.value;
}
