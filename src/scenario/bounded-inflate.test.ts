import fc from 'fast-check';
import { deflateSync, Inflate } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { inflateBounded } from './bounded-inflate.ts';

const filled = (n: number, byte = 32) => new Uint8Array(n).fill(byte);

describe('inflateBounded', () => {
  const ROUND_TRIP_RUNS = 100;
  it('returns the original bytes', budget(ROUND_TRIP_RUNS, 5), () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 5000 }),
        fc.integer({ min: 0, max: 9 }),
        (data, level) => {
          const out = inflateBounded(deflateSync(data, { level: level as 0 }), 10_000);
          expect(out.ok && [...out.bytes]).toEqual([...data]);
        },
      ),
      { numRuns: ROUND_TRIP_RUNS },
    );
  });

  it('accepts output of exactly the limit and refuses one byte more', () => {
    const data = deflateSync(filled(100_000), { level: 9 });
    expect(inflateBounded(data, 100_000).ok).toBe(true);
    expect(inflateBounded(data, 99_999)).toEqual({ ok: false, problem: 'too-large' });
  });

  // Compressing the 20 MB bomb dominates: ~0.05 µs per byte here.
  it(
    'stops a zip bomb early: 20 MB of spaces against a 1 MB limit',
    budget(20_000_000, 0.0001),
    () => {
      const bomb = deflateSync(filled(20_000_000), { level: 9 });
      expect(bomb.length).toBeLessThan(30_000);
      const push = vi.spyOn(Inflate.prototype, 'push');
      try {
        expect(inflateBounded(bomb, 1_048_576)).toEqual({ ok: false, problem: 'too-large' });
        // 512-byte slices of a ~20 KB bomb: it gave up after a handful, not all ~40.
        expect(push.mock.calls.length).toBeLessThan(6);
      } finally {
        push.mockRestore();
      }
    },
  );

  it('reports empty, truncated and garbage input as corrupt', () => {
    const data = deflateSync(
      new TextEncoder().encode('{"format":"faultline-scenario"}'.repeat(20)),
    );
    expect(inflateBounded(new Uint8Array(0), 100)).toEqual({ ok: false, problem: 'corrupt' });
    expect(inflateBounded(data.subarray(0, data.length - 3), 10_000)).toEqual({
      ok: false,
      problem: 'corrupt',
    });
    // Block type 3 is reserved: invalid in any DEFLATE stream.
    expect(inflateBounded(new Uint8Array([0xff, 0xff, 0xff]), 100)).toEqual({
      ok: false,
      problem: 'corrupt',
    });
  });

  const ARBITRARY_RUNS = 500;
  it('never throws on arbitrary bytes', budget(ARBITRARY_RUNS, 2), () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        const out = inflateBounded(data, 50_000);
        if (out.ok) expect(out.bytes.length).toBeLessThanOrEqual(50_000);
        else expect(['corrupt', 'too-large']).toContain(out.problem);
      }),
      { numRuns: ARBITRARY_RUNS },
    );
  });
});
