import { describe, expect, it } from 'vitest';
import type { SimContext } from './context.ts';
import { cachedDerived } from './derived-cache.ts';
import type { NodeRuntime } from './kind.ts';

describe('cachedDerived', () => {
  const ctx = {} as SimContext;
  let builds = 0;
  const build = (_ctx: SimContext, node: NodeRuntime<{ meanMs: number }>) => ({
    twice: node.config.meanMs * 2,
    build: ++builds,
  });

  it('builds once per config object and rebuilds when the config is replaced', () => {
    const node: NodeRuntime<{ meanMs: number }> = {
      index: 0,
      id: 'svc',
      kind: 'service',
      config: { meanMs: 5 },
      state: undefined,
      derived: undefined,
    };
    const first = cachedDerived(ctx, node, build);
    expect(first).toEqual({ twice: 10, build: 1 });
    expect(cachedDerived(ctx, node, build)).toBe(first);
    node.config = { meanMs: 5 };
    expect(cachedDerived(ctx, node, build)).toEqual({ twice: 10, build: 2 });
  });
});
