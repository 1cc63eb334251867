import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../store/index.ts';
import {
  describeEvent,
  eventCategories,
  formatDurationUs,
  formatEventTime,
  matchesFilter,
  normaliseQuery,
  type EventCategory,
} from './event-format.ts';

const sent: TraceEvent = { timeUs: 1_234_567, type: 'request.sent', node: 'users', requestId: 42 };
const failed: TraceEvent = {
  timeUs: 2_000_000,
  type: 'request.failed',
  node: 'users',
  requestId: 43,
  cause: 'timeout',
};
const fault: TraceEvent = { timeUs: 0, type: 'fault.started', node: 'orders', detail: 'crash f1' };
const hop: TraceEvent = {
  timeUs: 5,
  type: 'call.sent',
  node: 'users',
  requestId: 42,
  callId: 3,
  peer: 'orders',
};
const answered: TraceEvent = {
  timeUs: 6,
  type: 'call.answered',
  node: 'orders',
  requestId: 42,
  callId: 3,
  peer: 'users',
  cause: 'refused',
};

const none = new Set<EventCategory>();

describe('categories', () => {
  it('puts events under every chip they belong to', () => {
    expect(eventCategories(sent)).toEqual(['requests']);
    expect(eventCategories(failed)).toEqual(['requests', 'failures']);
    expect(eventCategories(fault)).toEqual(['faults']);
    expect(eventCategories(hop)).toEqual(['hops']);
    expect(eventCategories(answered)).toEqual(['failures', 'hops']);
    expect(eventCategories({ timeUs: 0, type: 'call.timeout', node: 'a' })).toEqual(['failures']);
  });
});

describe('matchesFilter', () => {
  it('shows everything with no chips and no text', () => {
    expect([sent, failed, fault, hop].every((e) => matchesFilter(e, '', none))).toBe(true);
  });

  it('keeps events in any chip that is on', () => {
    const chips = new Set<EventCategory>(['failures', 'faults']);
    expect([sent, failed, fault, hop].filter((e) => matchesFilter(e, '', chips))).toEqual([
      failed,
      fault,
    ]);
  });

  it('matches type, node, cause, detail and request id', () => {
    const q = (text: string) =>
      [sent, failed, fault, hop].filter((e) => matchesFilter(e, normaliseQuery(text), none));
    expect(q('TIMEOUT')).toEqual([failed]);
    expect(q('orders')).toEqual([fault, hop]);
    expect(q('fault.')).toEqual([fault]);
    expect(q('#43')).toEqual([failed]);
    expect(q('42')).toEqual([sent, hop]);
  });
});

describe('formatting', () => {
  it('shows seconds with milliseconds', () => {
    expect(formatEventTime(1_234_567)).toBe('1.235 s');
    expect(formatEventTime(0)).toBe('0.000 s');
  });

  it('describes the other end of a hop, the cause and the detail', () => {
    expect(describeEvent(hop)).toBe('→ orders');
    expect(describeEvent(answered)).toBe('→ users · refused');
    expect(describeEvent({ ...hop, type: 'call.returned', node: 'users', peer: 'orders' })).toBe(
      '← orders',
    );
    expect(describeEvent(fault)).toBe('crash f1');
    expect(describeEvent(sent)).toBe('');
  });
});

describe('formatDurationUs', () => {
  it('prints ms with sensible precision', () => {
    expect(formatDurationUs(350)).toBe('0.35 ms');
    expect(formatDurationUs(12_440)).toBe('12.4 ms');
    expect(formatDurationUs(1_250_000)).toBe('1.25 s');
    expect(formatDurationUs(null)).toBe('–');
  });
});
