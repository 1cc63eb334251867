import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../store/index.ts';
import { RingBuffer } from '../../store/index.ts';
import { indexAtOrAfter, MIN_READ_INTERVAL_MS, readLog, shouldReadLog } from './log-snapshot.ts';

const event = (timeUs: number): TraceEvent => ({ timeUs, type: 'request.sent', node: 'u' });

describe('readLog', () => {
  it('copies the ring oldest first with a stable sequence number', () => {
    const ring = new RingBuffer<TraceEvent>(3);
    for (let i = 0; i < 5; i++) ring.push(event(i));
    const snap = readLog(ring, 9);
    expect(snap.events.map((e) => e.timeUs)).toEqual([2, 3, 4]);
    expect(snap.firstSeq).toBe(2);
    expect(snap.version).toBe(9);
  });
});

describe('shouldReadLog', () => {
  const base = { version: 2, readVersion: 1, status: 'playing', nowMs: 1_000, lastReadMs: 950 };

  it('reads only when the log changed', () => {
    expect(shouldReadLog({ ...base, readVersion: 2, status: 'paused' })).toBe(false);
  });

  it('reads at most every 100 ms while running', () => {
    expect(shouldReadLog(base)).toBe(false);
    expect(shouldReadLog({ ...base, lastReadMs: 1_000 - MIN_READ_INTERVAL_MS })).toBe(true);
    expect(shouldReadLog({ ...base, status: 'running-to-end' })).toBe(false);
  });

  it('reads at once when the run settles', () => {
    for (const status of ['paused', 'done', 'ready', 'error', 'empty']) {
      expect(shouldReadLog({ ...base, status })).toBe(true);
    }
  });
});

describe('indexAtOrAfter', () => {
  it('finds the first row at or after a sequence number', () => {
    const seqs = [3, 5, 8, 13];
    expect(indexAtOrAfter(seqs, 5)).toBe(1);
    expect(indexAtOrAfter(seqs, 6)).toBe(2);
    expect(indexAtOrAfter(seqs, 0)).toBe(0);
    expect(indexAtOrAfter(seqs, 20)).toBe(4);
  });
});
