import { describe, expect, it } from 'vitest';
import { CallPhase, type Call, type NodeRuntime } from '../../engine/index.ts';
import { fakeContext, request, waitingCall } from '../testing/fake-context.ts';
import {
  attemptAnswered,
  onAttemptTimer,
  startAttempts,
  TAG_ATTEMPT_TIMEOUT,
  TAG_BACKOFF,
  type AttemptHost,
  type AttemptPolicy,
  type AttemptState,
} from './attempts.ts';

const POLICY: AttemptPolicy = {
  maxAttempts: 3,
  backoff: 'fixed',
  baseMs: 50,
  multiplier: 2,
  capMs: 1000,
  jitter: 'none',
  retryOn: ['error', 'timeout'],
  budgetRatio: null,
  budgetMinPerSec: 0,
  budgetBurst: 1,
  attemptTimeoutMs: null,
  propagateDeadline: false,
};

type Node = NodeRuntime<null, AttemptState>;

/** A host that sends attempt k to target k − 1 (wrapping) and records what it observed. */
function setup(policy: Partial<AttemptPolicy> = {}, edges = 2) {
  const f = fakeContext({ edges });
  const observed: [number, string | null][] = [];
  const host: AttemptHost<null, AttemptState> = {
    traces: { scheduled: 't.scheduled', gaveUp: 't.gave-up', attemptTimedOut: 't.timed-out' },
    timeoutMetric: 'attemptTimeouts',
    policy: () => ({ ...POLICY, ...policy }),
    pickTarget: (_ctx, _node, _parent, attempt) => (attempt - 1) % edges,
    noTarget: () => 'no-target',
    observe: (_ctx, _node, target, cause) => observed.push([target, cause]),
  };
  const node: Node = {
    index: 1,
    id: 'n1',
    kind: 'test',
    config: null,
    state: { backingOff: 0, budget: null },
    derived: undefined,
  };
  const parent = waitingCall();
  /** The last attempt sent comes back. */
  const answer = (ok: boolean, cause = '') => {
    const child = f.sent[f.sent.length - 1] as Call;
    child.ok = ok;
    child.cause = ok ? '' : cause;
    child.phase = CallPhase.Returning;
    attemptAnswered(f.ctx, host, node, child);
  };
  /** The last timer fires. */
  const fire = () => {
    const t = f.timers[f.timers.length - 1];
    if (!t) throw new Error('no timer');
    f.ctx.nowUs += t.delayUs;
    onAttemptTimer(f.ctx, host, node, t.tag, t.call);
  };
  return { f, host, node, parent, observed, answer, fire };
}

describe('attempt driver', () => {
  it('no outgoing edge: no-route, nothing sent', () => {
    const s = setup({}, 0);
    startAttempts(s.f.ctx, s.host, s.node, s.parent);
    expect(s.f.sent).toEqual([]);
    expect(s.f.answers.map((a) => [a.ok, a.cause])).toEqual([[false, 'no-route']]);
  });

  it('a success on the first attempt is relayed; one attempt counted', () => {
    const s = setup();
    startAttempts(s.f.ctx, s.host, s.node, s.parent);
    expect(s.f.sent.map((c) => c.edge)).toEqual([0]);
    s.answer(true);
    expect(s.f.answers.map((a) => [a.call, a.ok])).toEqual([[s.parent, true]]);
    expect(s.f.counts).toEqual({ attempts: 1 });
    expect(s.observed).toEqual([[0, null]]);
  });

  it('a retryable failure backs off, then the next attempt goes to the next pick', () => {
    const s = setup();
    startAttempts(s.f.ctx, s.host, s.node, s.parent);
    s.answer(false, 'error');
    expect(s.node.state.backingOff).toBe(1);
    expect(s.f.timers.at(-1)).toMatchObject({ tag: TAG_BACKOFF, delayUs: 50_000, call: s.parent });
    s.fire();
    expect(s.node.state.backingOff).toBe(0);
    expect(s.f.sent.map((c) => [c.edge, c.sentUs])).toEqual([
      [0, 0],
      [1, 50_000],
    ]);
    s.answer(true);
    expect(s.f.answers.map((a) => a.ok)).toEqual([true]);
    expect(s.f.counts).toEqual({ attempts: 2, retries: 1, succeededAfterRetry: 1 });
  });

  it('gives up with the cause: not retryable, or after maxAttempts', () => {
    const a = setup();
    startAttempts(a.f.ctx, a.host, a.node, a.parent);
    a.answer(false, 'rate-limited');
    expect(a.f.answers.map((x) => x.cause)).toEqual(['rate-limited']);
    expect(a.f.counts['notRetryable']).toBe(1);

    const b = setup({ maxAttempts: 2 });
    startAttempts(b.f.ctx, b.host, b.node, b.parent);
    b.answer(false, 'error');
    b.fire();
    b.answer(false, 'timeout');
    expect(b.f.answers.map((x) => x.cause)).toEqual(['timeout']);
    expect(b.f.counts).toMatchObject({ attempts: 2, retries: 1, attemptsExhausted: 1 });
  });

  it('a caller that leaves during the backoff gets the last failure, and no new attempt', () => {
    const s = setup();
    startAttempts(s.f.ctx, s.host, s.node, s.parent);
    s.answer(false, 'error');
    s.parent.abandoned = true;
    s.fire();
    expect(s.f.sent).toHaveLength(1);
    expect(s.f.answers.map((x) => x.cause)).toEqual(['error']);
    expect(s.f.counts['callerGone']).toBe(1);
  });

  it('an attempt past its own timeout is abandoned, counted, observed and retried', () => {
    const s = setup({ attemptTimeoutMs: 20 });
    startAttempts(s.f.ctx, s.host, s.node, s.parent);
    const first = s.f.sent[0] as Call;
    expect(s.f.timers.at(-1)).toMatchObject({
      tag: TAG_ATTEMPT_TIMEOUT,
      delayUs: 20_000,
      call: first,
    });
    s.fire();
    expect(s.f.abandoned).toEqual([first]);
    expect(s.f.counts['attemptTimeouts']).toBe(1);
    expect(s.observed).toEqual([[0, 'timeout']]);
    expect(s.f.timers.at(-1)).toMatchObject({ tag: TAG_BACKOFF });
  });

  it('with deadline propagation: a passed deadline sends nothing; a tighter one travels on a copy', () => {
    const late = setup({ attemptTimeoutMs: 1000, propagateDeadline: true });
    late.parent.request = request({ deadlineUs: 0 });
    startAttempts(late.f.ctx, late.host, late.node, late.parent);
    expect(late.f.sent).toEqual([]);
    expect(late.f.answers.map((x) => x.cause)).toEqual(['timeout']);
    expect(late.f.counts).toEqual({ expiredOnArrival: 1 });

    const requestFirst = setup({ attemptTimeoutMs: 1000, propagateDeadline: true });
    requestFirst.parent.request = request({ deadlineUs: 300_000 });
    startAttempts(requestFirst.f.ctx, requestFirst.host, requestFirst.node, requestFirst.parent);
    expect(requestFirst.f.sent[0]?.request.deadlineUs).toBe(300_000);
    expect(requestFirst.f.timers.at(-1)?.delayUs).toBe(300_000);
    const ownFirst = setup({ attemptTimeoutMs: 100, propagateDeadline: true });
    ownFirst.parent.request = request({ deadlineUs: 300_000 });
    startAttempts(ownFirst.f.ctx, ownFirst.host, ownFirst.node, ownFirst.parent);
    expect(ownFirst.f.sent[0]?.request).not.toBe(ownFirst.parent.request);
    expect(ownFirst.f.sent[0]?.request.deadlineUs).toBe(100_000);
    expect(ownFirst.parent.request.deadlineUs).toBe(300_000);
  });

  it('no target for an attempt: the host names the cause', () => {
    const s = setup();
    s.host.pickTarget = () => -1;
    startAttempts(s.f.ctx, s.host, s.node, s.parent);
    expect(s.f.answers.map((x) => x.cause)).toEqual(['no-target']);
  });

  it('a budget is paid into per request and refuses a retry when empty', () => {
    const s = setup({ budgetRatio: 0.5, budgetMinPerSec: 0, budgetBurst: 1 });
    s.node.state.budget = { tokens: 0, updatedUs: 0 };
    startAttempts(s.f.ctx, s.host, s.node, s.parent);
    expect(s.node.state.budget).toEqual({ tokens: 0.5, updatedUs: 0 });
    s.answer(false, 'error');
    expect(s.f.counts['budgetExhausted']).toBe(1);
    expect(s.f.answers.map((x) => x.cause)).toEqual(['error']);
  });

  it('leaves timers it does not own to the host', () => {
    const s = setup();
    expect(onAttemptTimer(s.f.ctx, s.host, s.node, 9, null)).toBe(false);
  });
});
