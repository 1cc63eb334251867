import type { SimContext } from '../../engine/index.ts';

/**
 * Lazy cancellation of call-less timers: the engine never removes a timer, so each carries
 * the generation it was set in, and a timer from an older generation does nothing when it
 * fires. Bumping the generation cancels every timer set before (a live config edit restarting
 * periodic timers, a drain re-planned for another moment). Plain data in the node's state.
 */
export interface TimerGeneration {
  gen: number;
}

export function timerGeneration(): TimerGeneration {
  return { gen: 0 };
}

/** Sets a timer of the current generation. */
export function armTimer(
  ctx: SimContext,
  node: number,
  timers: TimerGeneration,
  delayUs: number,
  tag: number,
): void {
  ctx.setTimer(node, delayUs, tag, null, timers.gen);
}

/** Every timer set so far will do nothing when it fires. */
export function cancelTimers(timers: TimerGeneration): void {
  timers.gen++;
}

/** Whether the call-less timer being delivered belongs to the current generation. */
export function isCurrentTimer(ctx: SimContext, timers: TimerGeneration): boolean {
  return ctx.timerToken === timers.gen;
}
