import { describe, expect, it } from 'vitest';
import { fakeContext } from '../testing/fake-context.ts';
import { armTimer, cancelTimers, isCurrentTimer, timerGeneration } from './lazy-timer.ts';

describe('lazy timers', () => {
  it('a timer is current until its generation is bumped', () => {
    const f = fakeContext();
    const timers = timerGeneration();
    armTimer(f.ctx, 1, timers, 5_000, 7);
    expect(f.timers).toEqual([{ node: 1, delayUs: 5_000, tag: 7, call: null, token: 0 }]);
    const delivered = (token: number) => ({ ...f.ctx, timerToken: token });
    expect(isCurrentTimer(delivered(0), timers)).toBe(true);
    cancelTimers(timers);
    expect(isCurrentTimer(delivered(0), timers)).toBe(false);
    armTimer(f.ctx, 1, timers, 1_000, 7);
    expect(f.timers[1]?.token).toBe(1);
    expect(isCurrentTimer(delivered(1), timers)).toBe(true);
  });
});
