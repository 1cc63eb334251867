import fc from 'fast-check';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { crc32Hex, crc32OfAscii } from './crc32.ts';

describe('crc32OfAscii', () => {
  it('gives the standard check value', () => {
    expect(crc32OfAscii('123456789')).toBe(0xcbf43926);
    expect(crc32OfAscii('')).toBe(0);
    expect(crc32Hex('123456789')).toBe('cbf43926');
    expect(crc32Hex('a')).toBe('e8b7be43');
  });

  it('pads to eight hex digits', () => {
    expect(crc32Hex('')).toBe('00000000');
    expect(crc32Hex('test')).toBe('d87f7e0c');
  });

  const RUNS = 300;
  it("agrees with Node's zlib on any ASCII text", budget(RUNS, 0.1), () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 127 }).map(String.fromCharCode) }),
        (text) => {
          expect(crc32OfAscii(text)).toBe(crc32(Buffer.from(text, 'latin1')));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
