import { describe, expect, it } from 'vitest';
import type { RequestInfo } from '../../engine/index.ts';
import { request } from '../testing/fake-context.ts';
import { callDeadlineUs, requestWithDeadline, tightensDeadline } from './deadline.ts';

const defaults = { timeoutMs: 1000, propagateDeadline: true };
const own = { timeoutMs: 1000, propagateDeadline: false };

/** A request's fields as plain data (the engine's record keeps its times in accessors). */
const fields = (q: RequestInfo): RequestInfo => ({
  id: q.id,
  client: q.client,
  createdUs: q.createdUs,
  deadlineUs: q.deadlineUs,
  key: q.key,
  userId: q.userId,
  attrs: q.attrs,
  resolved: q.resolved,
  openRootCalls: q.openRootCalls,
});

describe('call deadline', () => {
  it('is now + timeoutMs without propagation, whatever the request carries', () => {
    expect(callDeadlineUs(own, 5_000, Infinity)).toBe(1_005_000);
    expect(callDeadlineUs(own, 5_000, 10_000)).toBe(1_005_000);
    expect(callDeadlineUs({ ...own, timeoutMs: 0.5 }, 0, Infinity)).toBe(500);
  });

  it('with propagation: the earlier of its own and the request deadline (maybe already past)', () => {
    expect(callDeadlineUs(defaults, 5_000, Infinity)).toBe(1_005_000);
    expect(callDeadlineUs(defaults, 5_000, 300_000)).toBe(300_000);
    expect(callDeadlineUs(defaults, 5_000, 2_000_000)).toBe(1_005_000);
    expect(callDeadlineUs(defaults, 5_000, 4_000)).toBe(4_000);
  });

  it('the downstream copy carries a deadline only when propagating a tighter one', () => {
    expect(tightensDeadline(defaults, 1_000, Infinity)).toBe(true);
    expect(tightensDeadline(defaults, 1_000, 1_000)).toBe(false);
    expect(tightensDeadline(own, 1_000, Infinity)).toBe(false);
  });

  it('a tighter deadline travels on a copy; the request the hops above see is untouched', () => {
    const r = request({ deadlineUs: 2_000 });
    const copy = requestWithDeadline(defaults, r, 1_000);
    expect(fields(copy)).toEqual({ ...r, deadlineUs: 1_000 });
    expect(r.deadlineUs).toBe(2_000);
    expect(requestWithDeadline(defaults, r, 3_000)).toBe(r);
    expect(requestWithDeadline(own, r, 1_000)).toBe(r);
  });
});
