import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  admit,
  answered,
  estimatedDelayMs,
  forwarded,
  initialShedder,
  shedderConfigSchema,
  throughputPerSec,
  type ShedderState,
} from './shedder-machine.ts';

const MS = 1000;

/** Forwards `n` calls at `atUs`. */
function forward(s: ShedderState, n: number, atUs: number): ShedderState {
  for (let i = 0; i < n; i++) s = forwarded(s, atUs);
  return s;
}

describe('load shedder config', () => {
  it('defaults to at most 100 outstanding calls and no delay limit', () => {
    expect(shedderConfigSchema.parse({})).toEqual({ maxOutstanding: 100, maxQueueDelayMs: null });
    expect(() => z.toJSONSchema(shedderConfigSchema, { io: 'input' })).not.toThrow();
  });
});

describe('admit on outstanding calls', () => {
  const cfg = { maxOutstanding: 3, maxQueueDelayMs: null };

  it('sheds once maxOutstanding calls are unanswered, admits again after an answer', () => {
    let s = forward(initialShedder(), 2, 0);
    expect(admit(cfg, s, 0)).toMatchObject({ shed: false, reason: null });
    s = forwarded(s, 0);
    expect(admit(cfg, s, 0)).toMatchObject({ shed: true, reason: 'outstanding' });
    s = answered(s, 10 * MS);
    expect(s.outstanding).toBe(2);
    expect(admit(cfg, s, 10 * MS).shed).toBe(false);
  });

  it('null means no limit on outstanding calls', () => {
    const s = forward(initialShedder(), 10_000, 0);
    expect(admit({ maxOutstanding: null, maxQueueDelayMs: null }, s, 0).shed).toBe(false);
  });
});

describe('the queueing-delay estimate: outstanding ÷ answers per second over the last second', () => {
  it('has no estimate before the first answer (only maxOutstanding applies)', () => {
    const s = forward(initialShedder(), 50, 0);
    expect(estimatedDelayMs(s, 500 * MS)).toBeNull();
    expect(admit({ maxOutstanding: null, maxQueueDelayMs: 1 }, s, 500 * MS).shed).toBe(false);
  });

  it('measures throughput over the time covered, at most the last second', () => {
    let s = forward(initialShedder(), 30, 0);
    // 10 answers in the first 500 ms: 20 per second.
    for (let i = 1; i <= 10; i++) s = answered(s, i * 50 * MS);
    expect(throughputPerSec(s, 500 * MS)).toBeCloseTo(20, 9);
    // 20 outstanding at 20/s: 1 s of work ahead of a new call.
    expect(estimatedDelayMs(s, 500 * MS)).toBeCloseTo(1000, 6);
    // At 1.95 s the window (1.0–1.95 s) holds none of them: the last measured 20/s stands in.
    expect(s.lastRatePerSec).toBeCloseTo(20, 9);
    expect(throughputPerSec(s, 1950 * MS)).toBe(s.lastRatePerSec);
    // A full second covered at 1 s: bucket 0 (the 50 ms answer) has left; 9 + 1 new → 10/s.
    s = answered(forwarded(s, 900 * MS), 1000 * MS);
    expect(throughputPerSec(s, 1000 * MS)).toBeCloseTo(10, 9);
  });

  it('sheds when the estimate passes maxQueueDelayMs', () => {
    const cfg = { maxOutstanding: null, maxQueueDelayMs: 500 };
    let s = forward(initialShedder(), 12, 0);
    for (let i = 1; i <= 10; i++) s = answered(s, i * 100 * MS); // 10/s
    // 2 outstanding at 10/s = 200 ms: admitted.
    expect(admit(cfg, s, 1000 * MS)).toMatchObject({ shed: false, estimatedDelayMs: 200 });
    s = forward(s, 4, 1000 * MS);
    // 6 outstanding = 600 ms > 500 ms: shed.
    expect(admit(cfg, s, 1000 * MS)).toMatchObject({ shed: true, reason: 'delay' });
  });

  it('after an idle spell the last throughput stands in: an empty window is not a dead service', () => {
    let s = forward(initialShedder(), 10, 0);
    for (let i = 1; i <= 10; i++) s = answered(s, i * 100 * MS);
    s = forwarded(s, 60_000 * MS);
    expect(estimatedDelayMs(s, 60_000 * MS)).toBeCloseTo(100, 6);
  });

  it('zero outstanding estimates 0; answers never drive outstanding negative', () => {
    let s = answered(initialShedder(), 0);
    expect(s.outstanding).toBe(0);
    s = answered(forwarded(s, 0), 200 * MS);
    expect(estimatedDelayMs(s, 200 * MS)).toBe(0);
  });

  it('never mutates its input', () => {
    const s = forward(initialShedder(), 3, 0);
    const copy = structuredClone(s);
    answered(s, 5 * MS);
    admit({ maxOutstanding: 1, maxQueueDelayMs: 1 }, s, 2000 * MS);
    forwarded(s, 0);
    expect(s).toEqual(copy);
  });
});
