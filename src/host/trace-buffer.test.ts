import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/index.ts';
import { createTraceBuffer } from './trace-buffer.ts';

const event = (timeUs: number): TraceEvent => ({ timeUs, type: 'request.sent', node: 'c' });

describe('trace buffer', () => {
  it('keeps events oldest first until drained', () => {
    const buffer = createTraceBuffer(3);
    buffer.push(event(1));
    buffer.push(event(2));
    expect(buffer.drain()).toEqual({ events: [event(1), event(2)], dropped: 0 });
    expect(buffer.drain()).toEqual({ events: [], dropped: 0 });
  });

  it('drops the oldest beyond its capacity and counts them', () => {
    const buffer = createTraceBuffer(3);
    for (let t = 1; t <= 10; t++) buffer.push(event(t));
    expect(buffer.size).toBe(3);
    expect(buffer.drain()).toEqual({ events: [event(8), event(9), event(10)], dropped: 7 });
    buffer.push(event(11));
    expect(buffer.drain()).toEqual({ events: [event(11)], dropped: 0 });
  });

  it('clear forgets events and the dropped count', () => {
    const buffer = createTraceBuffer(1);
    buffer.push(event(1));
    buffer.push(event(2));
    buffer.clear();
    expect(buffer.drain()).toEqual({ events: [], dropped: 0 });
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => createTraceBuffer(0)).toThrow(RangeError);
    expect(() => createTraceBuffer(1.5)).toThrow(RangeError);
  });
});
