import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../store/index.ts';
import { latestSample, nextSample, sampledRequests } from './request-samples.ts';

describe('samples', () => {
  const events: TraceEvent[] = [
    { timeUs: 0, type: 'call.sent', node: 'u', requestId: 20, callId: 1 },
    { timeUs: 0, type: 'call.sent', node: 'u', requestId: 10, callId: 0 },
    { timeUs: 1, type: 'request.succeeded', node: 'u', requestId: 10 },
    { timeUs: 2, type: 'call.sent', node: 'u', requestId: 30, callId: 2 },
    { timeUs: 3, type: 'request.failed', node: 'u', requestId: 40 },
  ];

  it('lists sampled requests by id and picks the newest finished one', () => {
    const samples = sampledRequests(events);
    expect(samples).toEqual([
      { requestId: 10, resolved: true },
      { requestId: 20, resolved: false },
      { requestId: 30, resolved: false },
    ]);
    expect(latestSample(samples)).toBe(10);
    expect(latestSample(samples.slice(1))).toBe(30);
    expect(latestSample([])).toBeNull();
  });

  it('steps to the next sample', () => {
    const samples = sampledRequests(events);
    expect(nextSample(samples, 10)).toBe(20);
    expect(nextSample(samples, 25)).toBe(30);
    expect(nextSample(samples, 30)).toBeNull();
    expect(nextSample(samples, null)).toBe(10);
  });
});
