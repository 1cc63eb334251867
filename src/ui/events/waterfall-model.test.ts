import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../store/index.ts';
import { hopSegments } from './hop-view.ts';
import { buildRequestTrace, type Hop } from './waterfall-model.ts';

const R = 7;

function ev(
  timeUs: number,
  type: string,
  node: string,
  extra: Partial<TraceEvent> = {},
): TraceEvent {
  return { timeUs, type, node, requestId: R, ...extra };
}

/** Hop events of one call: sent, arrived, answered, returned (any left out with null). */
function call(
  callId: number,
  parentCallId: number | undefined,
  caller: string,
  callee: string,
  times: [number | null, number | null, number | null, number | null],
  cause?: string,
  late = false,
): TraceEvent[] {
  const link = parentCallId === undefined ? { callId } : { callId, parentCallId };
  const [sent, arrived, answered, returned] = times;
  const out: TraceEvent[] = [];
  if (sent !== null) out.push(ev(sent, 'call.sent', caller, { ...link, peer: callee }));
  if (arrived !== null) out.push(ev(arrived, 'call.arrived', callee, { ...link, peer: caller }));
  if (answered !== null) {
    out.push(
      ev(answered, 'call.answered', callee, { ...link, peer: caller, ...(cause ? { cause } : {}) }),
    );
  }
  if (returned !== null) {
    const type = late ? 'call.returned-late' : 'call.returned';
    out.push(ev(returned, type, caller, { ...link, peer: callee, ...(cause ? { cause } : {}) }));
  }
  return out;
}

const byTime = (events: TraceEvent[]) => [...events].sort((a, b) => a.timeUs - b.timeUs);
const shape = (rows: Hop[]) =>
  rows.map((h) => `${'  '.repeat(h.depth)}${h.caller}→${h.callee}:${h.outcome}`);

describe('buildRequestTrace', () => {
  it('nests calls by parentCallId and times each hop', () => {
    const events = byTime([
      ev(0, 'request.sent', 'users'),
      ...call(0, undefined, 'users', 'gateway', [0, 1_000, 9_000, 10_000]),
      ...call(1, 0, 'gateway', 'orders', [1_000, 2_000, 8_000, 8_500]),
      ...call(2, 1, 'orders', 'db', [2_000, 2_500, 6_000, 6_500]),
      ev(10_000, 'request.succeeded', 'users'),
      { timeUs: 5_000, type: 'request.sent', node: 'users', requestId: 8 },
    ]);
    const trace = buildRequestTrace(events, R);
    expect(trace).not.toBeNull();
    expect(shape(trace?.rows ?? [])).toEqual([
      'users→gateway:ok',
      '  gateway→orders:ok',
      '    orders→db:ok',
    ]);
    expect(trace).toMatchObject({
      client: 'users',
      outcome: 'succeeded',
      cause: null,
      latencyUs: 10_000,
      startUs: 0,
      endUs: 10_000,
      sampled: true,
      incomplete: false,
    });
    expect(trace?.roots[0]?.children[0]?.children[0]).toMatchObject({
      callId: 2,
      sentUs: 2_000,
      arrivedUs: 2_500,
      answeredUs: 6_000,
      returnedUs: 6_500,
    });
  });

  it('orders parallel children by send time', () => {
    const events = byTime([
      ev(0, 'request.sent', 'users'),
      ...call(0, undefined, 'users', 'api', [0, 100, 900, 1_000]),
      ...call(2, 0, 'api', 'stock', [150, 200, 600, 650]),
      ...call(1, 0, 'api', 'prices', [150, 250, 500, 550]),
      ...call(3, 0, 'api', 'cache', [120, 130, 140, 145]),
      ev(1_000, 'request.succeeded', 'users'),
    ]);
    const trace = buildRequestTrace(events, R);
    expect(trace?.roots[0]?.children.map((h) => h.callId)).toEqual([3, 1, 2]);
    expect(trace?.rows.map((h) => h.depth)).toEqual([0, 1, 1, 1]);
  });

  it('matches a timeout to its call and marks a later answer late', () => {
    const events = byTime([
      ev(0, 'request.sent', 'users'),
      ...call(0, undefined, 'users', 'api', [0, 100, 5_100, 5_200], 'timeout'),
      ...call(1, 0, 'api', 'db', [100, 200, 9_000, 9_100], undefined, true),
      ev(5_100, 'call.timeout', 'api', { cause: 'timeout', detail: 'db' }),
      ev(5_200, 'request.failed', 'users', { cause: 'timeout' }),
      ev(9_100, 'call.late-response', 'api', { detail: 'db' }),
    ]);
    const trace = buildRequestTrace(events, R);
    expect(shape(trace?.rows ?? [])).toEqual(['users→api:failed', '  api→db:late']);
    expect(trace?.rows[1]).toMatchObject({ timedOutUs: 5_100, returnedUs: 9_100 });
    expect(trace).toMatchObject({
      outcome: 'failed',
      cause: 'timeout',
      latencyUs: 5_200,
      endUs: 9_100,
    });
  });

  it('marks a call that timed out and never answered as lost, drawn open up to the timeout', () => {
    const events = byTime([
      ev(0, 'request.sent', 'users'),
      ...call(0, undefined, 'users', 'api', [0, 100, null, null]),
      ev(2_000, 'call.timeout', 'users', { cause: 'timeout', detail: 'api' }),
      ev(2_000, 'request.failed', 'users', { cause: 'timeout' }),
    ]);
    const trace = buildRequestTrace(events, R);
    const hop = trace?.rows[0] as Hop;
    expect(hop).toMatchObject({ outcome: 'lost', cause: 'timeout', timedOutUs: 2_000 });
    expect(hopSegments(hop, trace?.endUs ?? 0)).toEqual([
      { kind: 'out', startUs: 0, endUs: 100, open: false },
      { kind: 'callee', startUs: 100, endUs: 2_000, open: true },
    ]);
  });

  it('reports failures with their cause, and calls dropped by a partition', () => {
    const events = byTime([
      ev(0, 'request.sent', 'users'),
      ...call(0, undefined, 'users', 'api', [0, 100, 300, 400], 'refused'),
      ...call(1, 0, 'api', 'db', [150, null, null, null]),
      ev(150, 'call.dropped', 'api', { cause: 'partition', detail: 'e-api-db' }),
      ev(400, 'request.failed', 'users', { cause: 'refused' }),
    ]);
    const trace = buildRequestTrace(events, R);
    expect(trace?.rows.map((h) => [h.outcome, h.cause])).toEqual([
      ['failed', 'refused'],
      ['lost', 'partition'],
    ]);
    expect(trace?.rows[1]?.droppedUs).toBe(150);
    expect(trace).toMatchObject({ outcome: 'failed', cause: 'refused' });
  });

  it('copes with missing events: orphans become roots, open requests stay pending', () => {
    const events = [
      ...call(4, 3, 'api', 'db', [null, 500, 700, 800]),
      ...call(5, undefined, 'users', 'api', [400, null, null, null]),
    ];
    const trace = buildRequestTrace(events, R);
    expect(trace).toMatchObject({
      client: null,
      sentUs: null,
      outcome: 'in-flight',
      latencyUs: null,
      incomplete: true,
      startUs: 400,
      endUs: 800,
    });
    expect(shape(trace?.rows ?? [])).toEqual(['users→api:pending', 'api→db:ok']);
    expect(trace?.rows.map((h) => h.incomplete)).toEqual([true, true]);
    expect(hopSegments(trace?.rows[1] as Hop, 800)).toEqual([
      { kind: 'callee', startUs: 500, endUs: 700, open: false },
      { kind: 'back', startUs: 700, endUs: 800, open: false },
    ]);
  });

  it('survives a parent cycle and returns null for a request not in the log', () => {
    const events = [...call(1, 2, 'a', 'b', [0, 1, 2, 3]), ...call(2, 1, 'b', 'a', [1, 2, 3, 4])];
    expect(buildRequestTrace(events, R)?.rows).toHaveLength(2);
    expect(buildRequestTrace(events, 99)).toBeNull();
  });

  it('builds an unsampled request from its request events alone', () => {
    const trace = buildRequestTrace(
      [
        ev(0, 'request.sent', 'users'),
        ev(3_000, 'request.failed', 'users', { cause: 'queue-full' }),
      ],
      R,
    );
    expect(trace).toMatchObject({
      sampled: false,
      rows: [],
      outcome: 'failed',
      cause: 'queue-full',
    });
  });
});
