import { describe, expect, it } from 'vitest';
import { CallPhase } from '../../engine/index.ts';
import { fakeContext, waitingCall } from '../testing/fake-context.ts';
import { branchAnswered, startFanOut } from './fan-out.ts';

function answer(child: { ok: boolean; cause: string; phase: number }, ok: boolean, cause = '') {
  child.ok = ok;
  child.cause = cause;
  child.phase = CallPhase.Returning;
}

describe('fan-out', () => {
  it('sends every branch at once with the caller tag, and is done at the last answer', () => {
    const f = fakeContext({ edges: 3 });
    const call = waitingCall();
    startFanOut(f.ctx, 1, call, [0, 1, 2], 7);
    expect(f.sent.map((c) => [c.edge, c.callerSlot, c.parent === call])).toEqual([
      [0, 7, true],
      [1, 7, true],
      [2, 7, true],
    ]);
    expect(call.pending).toBe(3);
    const [a, b, c] = f.sent as [(typeof f.sent)[0], (typeof f.sent)[0], (typeof f.sent)[0]];
    answer(a, true);
    expect(branchAnswered(f.ctx, call, a)).toBe(false);
    answer(c, true);
    expect(branchAnswered(f.ctx, call, c)).toBe(false);
    answer(b, true);
    expect(branchAnswered(f.ctx, call, b)).toBe(true);
    expect(call.failCause).toBe('');
  });

  it('fails with the first failure on a required edge; optional failures only shrink it', () => {
    const f = fakeContext({ edges: 3, edgeConfig: [{ required: false }, {}, {}] });
    const call = waitingCall();
    startFanOut(f.ctx, 1, call, [0, 1, 2], -1);
    const [opt, first, second] = f.sent as [
      (typeof f.sent)[0],
      (typeof f.sent)[0],
      (typeof f.sent)[0],
    ];
    answer(opt, false, 'error');
    branchAnswered(f.ctx, call, opt);
    expect(call.failCause).toBe('');
    answer(first, false, 'timeout');
    branchAnswered(f.ctx, call, first);
    answer(second, false, 'refused');
    expect(branchAnswered(f.ctx, call, second)).toBe(true);
    expect(call.failCause).toBe('timeout');
  });
});
