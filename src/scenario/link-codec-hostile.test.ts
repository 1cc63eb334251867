import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import type { SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { decodeScenarioLink, encodeScenarioLink, type LinkResult } from './link-codec.ts';
import { at, exampleDoc, V1_EXAMPLE_TEXT, v1LinkOf } from './test-fixtures.ts';
import { toDocument } from './document.ts';
import { parseScenario } from './validate.ts';

// Links are untrusted input from anywhere: every one of these must come back as a sentence.

const utf8 = new TextEncoder();

const linkOfBytes = (bytes: Uint8Array, codec = 1) =>
  `s=${codec}.${encodeBase64url(deflateSync(bytes, { level: 9 }))}`;
const linkOfText = (text: string) => linkOfBytes(utf8.encode(text));
const linkOfDoc = (doc: unknown) => linkOfText(JSON.stringify(doc));

const decode = (hash: string) => decodeScenarioLink(hash, REGISTRY);
const errorOf = (result: LinkResult) => (result.ok ? 'ok' : result.error);

function parsed(doc: unknown): SimScenario {
  const result = parseScenario(doc, REGISTRY);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

// A version-1 link (no checksum), as the version-1 encoder wrote it: most tests here pin how
// such links fail, which must not change. Version-2 damage: link-checksum.test.ts.
const good = v1LinkOf(JSON.stringify(toDocument(parsed(exampleDoc()))));
const payload = good.slice('s=1.'.length);
const current = encodeScenarioLink(parsed(exampleDoc()));
/** One decode of a scenario-sized link, hostile or not: ≤ 2 ms here. */
const DECODE_MS = 3;

const DAMAGED = /^This link is damaged: [^.]+\.$/;

describe('hostile links', () => {
  it('an empty scenario parameter', () => {
    expect(errorOf(decode('s='))).toBe('This link is damaged: it contains no scenario data.');
    expect(errorOf(decode('#s=1.'))).toBe('This link is damaged: it contains no scenario data.');
  });

  it('a value with no codec version', () => {
    const expected =
      'This link is damaged: its scenario data is not in a format Faultline understands.';
    expect(errorOf(decode(`s=${payload}`))).toBe(expected);
    expect(errorOf(decode(`s=v1.${payload}`))).toBe(expected);
    expect(errorOf(decode(`s=.${payload}`))).toBe(expected);
  });

  it('a link from a newer codec', () => {
    expect(errorOf(decode(`s=3.${payload}`))).toBe(
      'This link was made by a newer version of Faultline (link format 3; this app reads up to format 2); open it with an up-to-date Faultline.',
    );
  });

  it('a version-2 link without its checksum, or with a malformed one', () => {
    const expected =
      'This link is damaged: its checksum is missing or malformed, perhaps cut off when it was copied.';
    const checksum = current.slice(4, 12);
    for (const bad of [
      `s=2.${payload}`,
      `s=2.${checksum.toUpperCase()}.${payload}`,
      `s=2.${checksum.slice(1)}.${payload}`,
      `s=2.${checksum}0.${payload}`,
      `s=2..${payload}`,
      's=2.00000000',
    ]) {
      expect(errorOf(decode(bad)), bad.slice(0, 20)).toBe(expected);
    }
    expect(errorOf(decode(`s=2.${checksum}.`))).toBe(
      'This link is damaged: it contains no scenario data.',
    );
  });

  it('an unknown older codec', () => {
    expect(errorOf(decode(`s=0.${payload}`))).toBe(
      'This link is damaged: it uses an unknown link format (0).',
    );
  });

  it('a link cut short', () => {
    // Whole base64 quads removed: the DEFLATE stream ends early.
    const cut = good.slice(0, 4 + Math.floor(payload.length / 8) * 4);
    expect(errorOf(decode(cut))).toBe(
      'This link is damaged: its scenario data could not be decompressed.',
    );
    // A length no base64 encoder produces.
    const odd = good.slice(0, 4 + Math.floor(payload.length / 8) * 4 + 1);
    expect(errorOf(decode(odd))).toBe(
      'This link is damaged: its scenario data is incomplete, perhaps cut off when the link was copied.',
    );
  });

  it('a link cut at every possible length', budget(good.length + current.length, DECODE_MS), () => {
    for (const link of [good, current]) {
      for (let end = 4; end < link.length; end++) {
        expect(errorOf(decode(link.slice(0, end)))).toMatch(DAMAGED);
      }
    }
  });

  it('a flipped byte', () => {
    const bytes = decodeBase64url(payload);
    if (!bytes.ok) throw new Error(bytes.problem);
    const tampered = bytes.bytes.slice();
    tampered[10] = (tampered[10] as number) ^ 0xff;
    expect(errorOf(decode(`s=1.${encodeBase64url(tampered)}`))).toMatch(DAMAGED);
  });

  it(
    'every single flipped byte: a sentence or, rarely, another valid scenario',
    budget(good.length, DECODE_MS),
    () => {
      const bytes = decodeBase64url(payload);
      if (!bytes.ok) throw new Error(bytes.problem);
      for (let i = 0; i < bytes.bytes.length; i++) {
        const tampered = bytes.bytes.slice();
        tampered[i] = (tampered[i] as number) ^ 0x5a;
        const result = decode(`s=1.${encodeBase64url(tampered)}`);
        if (!result.ok) expect(result.error).toMatch(/^This link\b/);
      }
    },
  );

  it.each([
    's=1.!!!!',
    's=1.Zm9v Zg',
    's=1.Zm9v+/Zg',
    's=1.%2BZm9v',
    's=1.Zm9v\u00e9',
    's=1.<script>',
  ])('garbage characters: %j', (hash) => {
    expect(errorOf(decode(hash))).toBe(
      'This link is damaged: its scenario data contains characters that never appear in a Faultline link.',
    );
  });

  it('valid base64 that is not DEFLATE data', () => {
    expect(
      errorOf(decode(`s=1.${encodeBase64url(new Uint8Array([0xff, 0xff, 0xff, 0xff]))}`)),
    ).toBe('This link is damaged: its scenario data could not be decompressed.');
  });

  it('a huge link is refused before any decoding', () => {
    const hash = `#s=1.${'A'.repeat(300_000)}`;
    expect(errorOf(decode(hash))).toBe('This link is too large (293 KB; the limit is 200 KB).');
    // Even when the rest of it would not be valid at all.
    expect(errorOf(decode(`s=9.${'!'.repeat(250_000)}`))).toMatch(/^This link is too large \(/);
  });

  // Compressing the 20 MB bomb dominates: ~0.02 µs per byte here.
  it('a zip bomb: 20 MB of spaces', budget(20_000_000, 0.0001), () => {
    const hash = linkOfBytes(new Uint8Array(20_000_000).fill(32));
    expect(hash.length).toBeLessThan(40_000); // small enough to pass the first check
    expect(errorOf(decode(hash))).toBe(
      'This link is too large (over 1024 KB once decompressed; the limit is 1024 KB).',
    );
  });

  it('bytes that are not UTF-8', () => {
    expect(errorOf(decode(linkOfBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))))).toBe(
      'This link is damaged: its scenario data is not valid text.',
    );
  });

  it.each(['', 'hello', '{"format":', "{'a':1}", '{"a":1}}'])(
    'text that is not JSON: %j',
    (text) => {
      expect(errorOf(decode(linkOfText(text)))).toBe(
        'This link is damaged: its scenario data is not valid JSON.',
      );
    },
  );

  it.each([
    ['[1,2]', 'a list of 2'],
    ['[]', 'a list of 0'],
    ['"faultline"', '"faultline"'],
    ['42', '42'],
    ['null', 'null'],
    ['true', 'true'],
  ])('JSON that is not an object: %s', (text, got) => {
    expect(errorOf(decode(linkOfText(text)))).toBe(
      `This link does not contain a Faultline scenario: expected a JSON object, got ${got}.`,
    );
  });

  it('a document from a future format version', () => {
    expect(errorOf(decode(linkOfDoc({ ...exampleDoc(), version: 3, newField: true })))).toBe(
      'This link was made by a newer version of Faultline (scenario version 3; this app reads up to version 2); open it with an up-to-date Faultline.',
    );
  });

  it('a document that is not a scenario', () => {
    expect(errorOf(decode(linkOfDoc({ hello: 'world' })))).toBe(
      'This link\'s scenario is invalid: format: is required (must be "faultline-scenario"); this does not look like a Faultline scenario',
    );
  });

  it('an invalid scenario names the field', () => {
    const doc = exampleDoc();
    at(doc.nodes, 1)['config'] = { workers: 0 };
    expect(errorOf(decode(linkOfDoc(doc)))).toBe(
      "This link's scenario is invalid: nodes[1].config.workers: must be a number ≥ 1 (got 0)",
    );
  });

  it('many errors: the first three, then a count', () => {
    const doc = exampleDoc();
    doc.edges = [1, 2, 3, 4, 5].map((i) => ({ id: `e${i}`, source: 'users', target: `x${i}` }));
    expect(errorOf(decode(linkOfDoc(doc)))).toBe(
      'This link\'s scenario is invalid: edges[0].target: no node with id "x1"; edges[1].target: no node with id "x2"; edges[2].target: no node with id "x3" (and 2 other problems)',
    );
  });

  it('script-like strings stay inert data', () => {
    const doc = exampleDoc();
    const html = '<img src=x onerror="alert(1)"><script>alert(document.cookie)</script>';
    at(doc.nodes, 0)['label'] = html.slice(0, 80);
    doc['meta'] = {
      title: 'javascript:alert(1)',
      description: '{{constructor.constructor("alert(1)")()}} ${alert(1)} </textarea>',
      patterns: ['__proto__'],
    };
    const result = decode(linkOfDoc(doc));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(at(result.scenario.nodes, 0).label).toBe(html.slice(0, 80));
    expect(result.scenario.meta.title).toBe('javascript:alert(1)');
    expect(result.scenario.meta.patterns).toEqual(['__proto__']);
  });

  it('a __proto__ key does not pollute prototypes', () => {
    const text = V1_EXAMPLE_TEXT.replace(
      '"seed": 42,',
      '"seed": 42, "__proto__": { "polluted": true },',
    );
    const result = decode(linkOfText(text));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(errorOf(result)).toMatch(/^This link's scenario is invalid: /);
  });
});

describe('decodeScenarioLink never throws', () => {
  const check = (hash: string) => {
    const result = decode(hash);
    if (result.ok) expect(result.scenario.format).toBe('faultline-scenario');
    else {
      expect(result.error).toMatch(/\S/);
      expect(result.error).not.toMatch(/\n/);
    }
  };

  const STRING_RUNS = 300;
  it('for arbitrary strings', budget(2 * STRING_RUNS, DECODE_MS), () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: STRING_RUNS });
    fc.assert(
      fc.property(fc.string(), (s) => check(`#s=${s}`)),
      { numRuns: STRING_RUNS },
    );
  });

  const PAYLOAD_RUNS = 500;
  it('for arbitrary base64url payloads', budget(PAYLOAD_RUNS, DECODE_MS), () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/), (s) => check(`s=1.${s}`)),
      { numRuns: PAYLOAD_RUNS },
    );
  });

  const BYTES_RUNS = 300;
  // Two checks per run of the first property, one per run of the second.
  it(
    'for random bytes and random text, compressed or not',
    budget(3 * BYTES_RUNS, DECODE_MS),
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
          check(`s=1.${encodeBase64url(bytes)}`);
          check(linkOfBytes(bytes));
        }),
        { numRuns: BYTES_RUNS },
      );
      fc.assert(
        fc.property(fc.jsonValue(), (value) => check(linkOfDoc(value))),
        { numRuns: BYTES_RUNS },
      );
    },
  );

  const CORRUPTION_RUNS = 500;
  it('for corruptions of a good link', budget(2 * CORRUPTION_RUNS, DECODE_MS), () => {
    for (const link of [good, current]) {
      fc.assert(
        fc.property(fc.nat(link.length), fc.string({ maxLength: 5 }), (i, junk) =>
          check(link.slice(0, i) + junk + link.slice(i + junk.length)),
        ),
        { numRuns: CORRUPTION_RUNS },
      );
    }
  });
});
