import { describe, expect, it } from 'vitest';
import { CallPhase, type Call } from '../../engine/index.ts';
import { fakeContext, waitingCall } from '../testing/fake-context.ts';
import { downstreamOrNoRoute, ONE_DOWNSTREAM, relayAnswer, waitingParent } from './forward.ts';

function childOf(parent: Call, over: Partial<Call> = {}): Call {
  return waitingCall({ parent, parentGen: parent.gen, phase: CallPhase.Returning, ...over });
}

describe('forwarding to one downstream', () => {
  it('declares one call output', () => {
    expect(ONE_DOWNSTREAM).toEqual([{ role: 'call', label: 'Downstream', max: 1 }]);
  });

  it('finds the first outgoing edge; with none it answers no-route', () => {
    const f = fakeContext({ edges: 2 });
    const call = waitingCall();
    expect(downstreamOrNoRoute(f.ctx, 1, call)).toBe(0);
    expect(f.answers).toEqual([]);
    const none = fakeContext({ edges: 0 });
    expect(downstreamOrNoRoute(none.ctx, 1, call)).toBe(-1);
    expect(none.answers).toEqual([{ call, ok: false, cause: 'no-route' }]);
  });

  it('relays an answer to a caller that still waits, and to no other', () => {
    const f = fakeContext();
    const parent = waitingCall();
    relayAnswer(f.ctx, childOf(parent, { ok: false, cause: 'error' }));
    expect(f.answers).toEqual([{ call: parent, ok: false, cause: 'error' }]);

    const parked = waitingCall({ parked: true });
    const recycled = waitingCall();
    const answered = waitingCall({ phase: CallPhase.Returning });
    const stale = childOf(recycled);
    recycled.gen++;
    for (const child of [childOf(parked), stale, childOf(answered)]) {
      expect(waitingParent(f.ctx, child)).toBeNull();
      relayAnswer(f.ctx, child);
    }
    expect(waitingParent(f.ctx, waitingCall())).toBeNull();
    expect(f.answers).toHaveLength(1);
  });
});
