import { describe, expect, it } from 'vitest';
import { stuckDiagnosis, type StuckFacts } from './stuck-diagnosis.ts';

const facts = (over: Partial<StuckFacts>): StuckFacts => ({
  partitioned: 0,
  hung: 0,
  busy: 0,
  capacity: 0,
  queueDepth: 0,
  inFlight: 0,
  ...over,
});

// The sentences use no-break spaces inside numbers; compare with plain ones for legibility.
const text = (f: Partial<StuckFacts>, role: 'source' | 'node' = 'node') => {
  const d = stuckDiagnosis(facts(f), role);
  return d && { all: d.all, text: d.text.replaceAll('\u00a0', ' ') };
};

describe('stuck diagnosis', () => {
  it('says nothing without stuck waits', () => {
    expect(stuckDiagnosis(facts({ busy: 4, capacity: 4, queueDepth: 900 }), 'node')).toBeNull();
  });

  it('every worker of a service waiting on a partitioned call, with its queue', () => {
    expect(text({ partitioned: 4, busy: 4, capacity: 4, queueDepth: 12_000 })).toEqual({
      all: true,
      text: 'all 4 workers waiting on a partitioned call; 12 000 queued; no timeout is set',
    });
  });

  it('some workers: "3 of 4", not all (the node is not Stuck yet)', () => {
    expect(text({ partitioned: 3, busy: 4, capacity: 4 })).toEqual({
      all: false,
      text: '3 of 4 workers waiting on a partitioned call; no timeout is set',
    });
  });

  it('names what they wait on: hung, or both', () => {
    expect(text({ hung: 2, busy: 2, capacity: 2 })?.text).toBe(
      'all 2 workers waiting on a hung call; no timeout is set',
    );
    expect(text({ partitioned: 1, hung: 1, busy: 2, capacity: 2 })?.text).toBe(
      'all 2 workers waiting on partitioned or hung calls; no timeout is set',
    );
  });

  it('a single worker is "its only worker"', () => {
    expect(text({ partitioned: 1, busy: 1, capacity: 1, queueDepth: 1 })?.text).toBe(
      'its only worker waiting on a partitioned call; 1 queued; no timeout is set',
    );
  });

  it('a capacity fault below the busy workers: every busy worker counts', () => {
    expect(text({ partitioned: 4, busy: 4, capacity: 2 })).toMatchObject({ all: true });
    expect(text({ partitioned: 2, busy: 2, capacity: 4 })).toEqual({
      all: false,
      text: '2 of 4 workers waiting on a partitioned call; no timeout is set',
    });
  });

  it("a source's requests, and a proxy's calls in flight", () => {
    expect(text({ partitioned: 1200, inFlight: 1200 }, 'source')).toEqual({
      all: true,
      text: 'all 1 200 requests waiting on a partitioned call; no timeout is set',
    });
    expect(text({ hung: 3, inFlight: 10 }, 'source')?.text).toBe(
      '3 of 10 requests waiting on a hung call; no timeout is set',
    );
    expect(text({ partitioned: 5, inFlight: 5 })?.text).toBe(
      'all 5 calls in flight waiting on a partitioned call; no timeout is set',
    );
  });

  it('whether all wait does not depend on the noun (a frame does not say if it is a source)', () => {
    const f = facts({ partitioned: 7, inFlight: 7 });
    expect(stuckDiagnosis(f, 'node')?.all).toBe(stuckDiagnosis(f, 'source')?.all);
  });
});
