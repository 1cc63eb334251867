import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { REGISTRY } from '../patterns/index.ts';
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { defaultScenario } from './default-scenario.ts';
import {
  CHECKSUM_MISMATCH,
  decodeScenarioLink,
  encodeScenarioLink,
  NO_SCENARIO_IN_LINK,
} from './link-codec.ts';
import { validDocument } from './test-arbitraries.ts';
import { parseScenario } from './validate.ts';

// A version-2 link carries the CRC-32 of its payload: a damaged link is refused, never opened
// as another scenario. Version 1 had no checksum, and about 1 in 18 one-character edits of a
// link opened a different valid scenario without a word.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Every character a link is made of, and a few a chat app or a careless hand brings in. */
const EDIT_CHARS = `${ALPHABET}.=&% ~`;

const decode = (hash: string) => decodeScenarioLink(hash, REGISTRY);

/** What a refusal says: damaged, newer, or (the `s=` itself damaged) no scenario at all. */
const REFUSAL = /^This link (is damaged: |was made by a newer version)|^no scenario in this link$/;

/** The link of the default scenario, the one most people share first: ~1 400 characters. */
const link = encodeScenarioLink(defaultScenario());
const [, checksum = '', payload = ''] = /^s=2\.([^.]*)\.(.*)$/.exec(link) ?? [];

function* oneCharacterEdits(text: string): Generator<string> {
  for (let i = 0; i < text.length; i++) {
    yield text.slice(0, i) + text.slice(i + 1); // deleted
    for (const c of EDIT_CHARS) {
      if (c !== text[i]) yield text.slice(0, i) + c + text.slice(i + 1); // replaced
      yield text.slice(0, i) + c + text.slice(i); // inserted
    }
  }
  for (const c of EDIT_CHARS) yield text + c; // appended
}

function payloadBitFlips(): string[] {
  const bytes = decodeBase64url(payload);
  if (!bytes.ok) throw new Error(bytes.problem);
  const links: string[] = [];
  for (let i = 0; i < bytes.bytes.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const flipped = bytes.bytes.slice();
      flipped[i] = (flipped[i] as number) ^ (1 << bit);
      links.push(`s=2.${checksum}.${encodeBase64url(flipped)}`);
    }
  }
  return links;
}

function characterBitFlips(text: string): string[] {
  const links: string[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let bit = 0; bit < 7; bit++) {
      const c = String.fromCharCode(text.charCodeAt(i) ^ (1 << bit));
      links.push(text.slice(0, i) + c + text.slice(i + 1));
    }
  }
  return links;
}

/** How many edits were refused, opened the same scenario, or opened another one. */
function tally(links: Iterable<string>) {
  const counts = { refused: 0, same: new Set<string>(), different: 0, messages: new Set<string>() };
  const original = JSON.stringify(decode(link));
  for (const damaged of links) {
    const result = decode(damaged);
    if (!result.ok) {
      counts.refused++;
      counts.messages.add(result.error);
    } else if (JSON.stringify(result) === original) counts.same.add(damaged);
    else counts.different++;
  }
  return counts;
}

describe('a damaged version-2 link', () => {
  it('is the link it seems to be', () => {
    expect(link.length).toBeGreaterThan(1000);
    expect(checksum).toMatch(/^[0-9a-f]{8}$/);
    expect(decode(link).ok).toBe(true);
  });

  it('says so when its checksum does not match', () => {
    const flipped = `s=2.${checksum}.${payload.slice(0, 100)}${payload[100] === 'A' ? 'B' : 'A'}${payload.slice(101)}`;
    expect(decode(flipped)).toEqual({ ok: false, error: CHECKSUM_MISMATCH });
    expect(CHECKSUM_MISMATCH).toBe(
      'This link is damaged: its checksum does not match, so part of it was cut off or changed, perhaps when it was copied.',
    );
  });

  // ~1 400 positions × (1 deletion + 2 × 69 characters): ~200 000 decodes, refused at the
  // checksum (or earlier) without decompressing: ~50 µs each.
  const EDITS = link.length * (1 + 2 * EDIT_CHARS.length);
  it(
    'is refused after every one-character edit: deleted, replaced or inserted',
    budget(EDITS, 0.05),
    () => {
      const counts = tally(oneCharacterEdits(link));
      expect(counts.refused).toBeGreaterThan(EDITS * 0.9);
      expect(counts.different).toBe(0);
      // The same scenario only where the edit lands in what the reader ignores: a parameter
      // separator before or after the link, or a leading zero in the version number.
      expect([...counts.same].sort()).toEqual(
        [`&${link}`, `${link}&`, `s=02${link.slice(3)}`].sort(),
      );
      for (const message of counts.messages) expect(message).toMatch(REFUSAL);
      expect(counts.messages).toContain(CHECKSUM_MISMATCH);
      expect(counts.messages).toContain(NO_SCENARIO_IN_LINK); // "s=" itself edited
    },
  );

  it(
    'is refused after every bit flip, in the compressed bytes or in the characters',
    budget(8 * link.length + 7 * link.length, 0.05),
    () => {
      const bytes = tally(payloadBitFlips());
      expect([bytes.same.size, bytes.different]).toEqual([0, 0]);
      expect([...bytes.messages]).toEqual([CHECKSUM_MISMATCH]);
      const chars = tally(characterBitFlips(link));
      expect([chars.same.size, chars.different]).toEqual([0, 0]);
      for (const message of chars.messages) expect(message).toMatch(REFUSAL);
    },
  );

  // Each run: one link encoded, one edit decoded.
  const RUNS = 300;
  it('of any scenario is refused after a random one-character edit', budget(RUNS, 10), () => {
    fc.assert(
      fc.property(
        validDocument,
        fc.nat(),
        fc.constantFrom(...EDIT_CHARS),
        fc.constantFrom('delete', 'replace', 'insert'),
        (doc, at, c, how) => {
          const parsed = parseScenario(doc, REGISTRY);
          if (!parsed.ok) throw new Error('validDocument must parse');
          const text = encodeScenarioLink(parsed.scenario);
          const i = at % text.length;
          const edited =
            how === 'delete'
              ? text.slice(0, i) + text.slice(i + 1)
              : how === 'insert'
                ? text.slice(0, i) + c + text.slice(i)
                : text.slice(0, i) + c + text.slice(i + 1);
          // Not damage: a parameter separator or a leading zero (see above).
          fc.pre(edited !== text && !/^&|&$|^s=0/.test(edited));
          const result = decode(edited);
          expect(result.ok ? 'opened' : result.error).toMatch(REFUSAL);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
