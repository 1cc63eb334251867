import { describe, expect, it } from 'vitest';
import { hopOutcomeText, hopSegments, hopTotalUs } from './hop-view.ts';
import type { Hop } from './waterfall-model.ts';

const base: Hop = {
  callId: 1,
  parentCallId: null,
  caller: 'api',
  callee: 'db',
  depth: 0,
  sentUs: 100,
  arrivedUs: 200,
  answeredUs: 500,
  returnedUs: 600,
  timedOutUs: null,
  droppedUs: null,
  outcome: 'ok',
  cause: null,
  incomplete: false,
  children: [],
};

describe('hopSegments', () => {
  it('splits a finished call into network out, time at the callee and network back', () => {
    expect(hopSegments(base, 1_000)).toEqual([
      { kind: 'out', startUs: 100, endUs: 200, open: false },
      { kind: 'callee', startUs: 200, endUs: 500, open: false },
      { kind: 'back', startUs: 500, endUs: 600, open: false },
    ]);
  });

  it('runs an unfinished piece to the timeout, or to the axis end', () => {
    const lostOut = { ...base, arrivedUs: null, answeredUs: null, returnedUs: null };
    expect(hopSegments({ ...lostOut, droppedUs: 100, timedOutUs: 900 }, 1_000)).toEqual([
      { kind: 'out', startUs: 100, endUs: 900, open: true },
    ]);
    expect(hopSegments({ ...base, returnedUs: null }, 1_000)).toEqual([
      { kind: 'out', startUs: 100, endUs: 200, open: false },
      { kind: 'callee', startUs: 200, endUs: 500, open: false },
      { kind: 'back', startUs: 500, endUs: 1_000, open: true },
    ]);
    // A timeout before the answer does not cut the answer's way back.
    expect(hopSegments({ ...base, returnedUs: null, timedOutUs: 300 }, 1_000)[2]).toEqual({
      kind: 'back',
      startUs: 500,
      endUs: 1_000,
      open: true,
    });
  });
});

describe('hop text', () => {
  it('words outcomes', () => {
    expect(hopOutcomeText(base)).toBe('ok');
    expect(hopOutcomeText({ ...base, outcome: 'failed', cause: 'refused' })).toBe('refused');
    expect(hopOutcomeText({ ...base, outcome: 'late', cause: 'error' })).toBe('late · error');
    expect(hopOutcomeText({ ...base, outcome: 'lost', cause: 'partition' })).toBe(
      'lost · partition',
    );
    expect(hopOutcomeText({ ...base, outcome: 'lost' })).toBe('lost');
    expect(hopOutcomeText({ ...base, outcome: 'pending' })).toBe('in flight');
  });

  it('totals send to return when both are known', () => {
    expect(hopTotalUs(base)).toBe(500);
    expect(hopTotalUs({ ...base, returnedUs: null })).toBeNull();
  });
});
