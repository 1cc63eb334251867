import {
  cachedDerived,
  compileDistribution,
  type Distribution,
  type NodeRuntime,
  type RandomStream,
  type SimContext,
} from '../../engine/index.ts';

type Timed = NodeRuntime<{ serviceTime: Distribution }, unknown>;

interface Derived {
  sample: (rng: RandomStream) => number;
  stream: RandomStream;
}

function build(ctx: SimContext, node: Timed): Derived {
  return {
    sample: compileDistribution(node.config.serviceTime),
    stream: ctx.rng(node.index, 'service-time'),
  };
}

/** One sampled service time in µs, stretched by the node's latency faults (as a service's). */
export function workTimeUs(ctx: SimContext, node: Timed): number {
  const d = cachedDerived(ctx, node, build);
  const f = ctx.faults(node.index);
  return Math.round(d.sample(d.stream) * f.latencyMultiplier + f.addLatencyUs);
}
