import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { decodeBase64url, encodeBase64url } from './base64url.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const bytes = (...b: number[]) => new Uint8Array(b);

describe('base64url', () => {
  it('matches RFC 4648 test vectors (unpadded, URL alphabet)', () => {
    const text = new TextEncoder();
    const vectors = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'];
    const expected = ['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy'];
    vectors.forEach((v, i) => expect(encodeBase64url(text.encode(v))).toBe(expected[i]));
    expect(encodeBase64url(bytes(0xfb, 0xff, 0xbf))).toBe('-_-_');
  });

  it('agrees with Node for any bytes, both ways', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const encoded = encodeBase64url(data);
        expect(encoded).toBe(Buffer.from(data).toString('base64url'));
        const decoded = decodeBase64url(encoded);
        expect(decoded.ok && [...decoded.bytes]).toEqual([...data]);
      }),
      { numRuns: RUNS },
    );
  });

  it('tolerates up to two trailing = of padding', () => {
    const r = decodeBase64url('Zg==');
    expect(r.ok && [...r.bytes]).toEqual([0x66]);
    expect(decodeBase64url('Zg===').ok).toBe(false);
  });

  it.each(['Zm9v+', 'Zm9v/', 'Zm 9v', 'Zm9v\n', 'Zm=9v', 'Zm9é', '%2B', 'Zm9v\u0000'])(
    'refuses characters outside the alphabet: %j',
    (text) => {
      expect(decodeBase64url(text)).toEqual({ ok: false, problem: 'bad-character' });
    },
  );

  it('refuses lengths no encoder produces', () => {
    expect(decodeBase64url('Zm9vY')).toEqual({ ok: false, problem: 'bad-length' });
    expect(decodeBase64url('A')).toEqual({ ok: false, problem: 'bad-length' });
  });

  // Long arbitrary strings: ~25 ms per run here.
  it('never throws on arbitrary text', budget(RUNS, 40), () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(typeof decodeBase64url(text).ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });
});
