import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import type { SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { decodeBase64url } from './base64url.ts';
import {
  decodeScenarioLink,
  encodeScenarioLink,
  hasScenarioLink,
  LINK_CODEC_VERSION,
  LINK_LIMITS,
  NO_SCENARIO_IN_LINK,
  type LinkResult,
} from './link-codec.ts';
import { validDocument } from './test-arbitraries.ts';
import { at, exampleDoc, groupsDoc, v1LinkOf } from './test-fixtures.ts';
import { parseScenario } from './validate.ts';
import { toDocument } from './document.ts';
import { inflateSync } from 'fflate';
import { crc32 } from 'node:zlib';

function parsed(doc: unknown): SimScenario {
  const result = parseScenario(doc, REGISTRY);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

function scenarioOf(result: LinkResult): SimScenario {
  if (!result.ok) throw new Error(result.error);
  return result.scenario;
}

/** `s=2.<checksum>.<payload>` → its parts. */
function partsOf(link: string): { checksum: string; payload: string } {
  const match = /^s=2\.([^.]*)\.(.*)$/.exec(link);
  if (!match) throw new Error(`not a version-2 link: ${link.slice(0, 20)}`);
  return { checksum: match[1] as string, payload: match[2] as string };
}

describe('encodeScenarioLink', () => {
  it('writes s=2.<checksum>.<base64url> with no characters a URL would need to escape', () => {
    const link = encodeScenarioLink(parsed(exampleDoc()));
    expect(LINK_CODEC_VERSION).toBe(2);
    expect(link).toMatch(/^s=2\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
  });

  it('whose checksum is the CRC-32 of the payload text', () => {
    const { checksum, payload } = partsOf(encodeScenarioLink(parsed(exampleDoc())));
    expect(checksum).toBe(crc32(Buffer.from(payload, 'latin1')).toString(16).padStart(8, '0'));
  });

  it('carries the raw-DEFLATE-compressed JSON document', () => {
    const s = parsed(exampleDoc());
    const bytes = decodeBase64url(partsOf(encodeScenarioLink(s)).payload);
    if (!bytes.ok) throw new Error(bytes.problem);
    const doc: unknown = JSON.parse(new TextDecoder().decode(inflateSync(bytes.bytes)));
    expect(doc).toMatchObject({ format: 'faultline-scenario', version: 2, seed: 42, groups: [] });
    expect(parsed(doc)).toEqual(s);
  });

  it('is deterministic', () => {
    expect(encodeScenarioLink(parsed(exampleDoc()))).toBe(encodeScenarioLink(parsed(exampleDoc())));
  });
});

describe('decodeScenarioLink round trip', () => {
  it('returns the same scenario for the design example, seed and faults included', () => {
    const s = parsed(exampleDoc());
    const back = scenarioOf(decodeScenarioLink(encodeScenarioLink(s), REGISTRY));
    expect(back).toEqual(s);
    expect(back.seed).toBe(42);
    expect(back.faults).toEqual([
      {
        id: 'f1',
        type: 'error-rate',
        target: 'orders',
        startMs: 30000,
        durationMs: 20000,
        rate: 0.8,
      },
    ]);
  });

  it('keeps groups', () => {
    const s = parsed(groupsDoc());
    expect(s.groups).toHaveLength(2);
    expect(scenarioOf(decodeScenarioLink(encodeScenarioLink(s), REGISTRY))).toEqual(s);
  });

  const RUNS = 150;
  it('returns the same scenario for random valid scenarios', budget(RUNS, 10), () => {
    fc.assert(
      fc.property(validDocument, (doc) => {
        const s = parsed(doc);
        const link = encodeScenarioLink(s);
        expect(link.length).toBeLessThanOrEqual(LINK_LIMITS.maxEncodedChars);
        expect(scenarioOf(decodeScenarioLink(link, REGISTRY))).toEqual(s);
      }),
      { numRuns: RUNS },
    );
  });

  it(
    'version-1 links (no checksum) of random valid documents still open as they did',
    budget(RUNS, 10),
    () => {
      fc.assert(
        fc.property(validDocument, (doc) => {
          const s = parsed(doc);
          const v1 = v1LinkOf(JSON.stringify(toDocument(s)));
          expect(scenarioOf(decodeScenarioLink(v1, REGISTRY))).toEqual(s);
          expect(scenarioOf(decodeScenarioLink(encodeScenarioLink(s), REGISTRY))).toEqual(s);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('keeps non-ASCII labels and descriptions exactly', () => {
    const doc = exampleDoc();
    at(doc.nodes, 0)['label'] = 'Usuários 🚀 — 東京';
    doc['meta'] = { title: 'Ünïcödé', description: 'line 1\nline 2\t"quoted"', patterns: [] };
    const s = parsed(doc);
    expect(scenarioOf(decodeScenarioLink(encodeScenarioLink(s), REGISTRY))).toEqual(s);
  });

  it('passes validation warnings through', () => {
    const doc = exampleDoc();
    at(doc.faults, 0)['startMs'] = 500_000; // after the end of the run
    const result = decodeScenarioLink(encodeScenarioLink(parsed(doc)), REGISTRY);
    expect(result.ok && result.warnings).toEqual([
      'faults[0].startMs: starts at 500000 ms, at or after the end of the run (120000 ms), so it never takes effect',
    ]);
  });
});

/**
 * A link made once from a small version-1 document, before version 2 existed, and pasted
 * here. Links must keep working forever: never regenerate it.
 */
const FROZEN_V1_LINK =
  's=1.bZHLTsNADEV_pfI6SKQ8FvMB7JCQgBXqYkidYiWZiTyTQIny71yHolalWUTy4_rcsSeqo3Y-k6PaD21uJfBVqjh4lUgFjaxJYiBXFtRx9uQmypJbhuBB4zeH1ViuoGrQvOVUqfR5ERASvc-ZNSRyb5u5oMS8JXeDxkG9dT2iUl7jKyhEqNE3kaCHhgQwJjQSLKxa4ZARt_6dWyReD_U-JvnlTfRFDoP2-INVxVDLztJeVUYPEZzvezOOWsp-mQcf_MT6zJU5mee5OBjwvRzxgI1S8X_e-v4S8TNqY_bc2t68SF-kA_mSA1gb2BZxB_qmIN7uThfBJXpSHBT441qy1x3b0cymqZbjnchqk_3B1KePcxGGIs4Gvl0OcH6TeTP_AA';

/** A link made by the first encoder with a checksum (link format 2). Never regenerate it. */
const FROZEN_V2_LINK =
  's=2.8de67143.bVLNSgMxEH4VmfMKtqCHvQreRFFv4iGm03VomqyTpFrLvrvfpKUV7B6W_Mz3N5kdLZOuXaGelq6GEiTyZfYcnUqijjasWVKkft7RmoujfkdFSmAA7jT9cLzYzC-AWqF4wdmrjKUBCAejK4U1Zupf36aOMvOC-msUVnVWdY-b2RW-jmICGnU7EtRQzRAGw0qibX0QjsUYU5Y9_46-qQdwiz-4fYpLGezYqcrGheZ0O5pR3OXiGh66_Mj6zN6UgSuy5lSLOYk1BCjy9rg2F7epAnk4UJSaTdtNU3cw60Y5WQVkI57_e53fnHP7lXRlUa3Bn5Ur37rReSko3Ese-F7g83wkZK1s_q9BzKpJnxCy9ca7EB50wWoml3iKS5MDxi7u0fHmF7KxCDo2TW9gWAx_H4JnKM-pKiKdnqU4HdiGZh_9FCdAOvqjedN51PTu3iW0TDP0EIKiNglFK3f0xTJ8gGvW5NsUtoHpaEC7x_3w_AI';

describe('frozen links', () => {
  it('a version-1 link still opens, migrated to the current version', () => {
    const result = decodeScenarioLink(`#${FROZEN_V1_LINK}`, REGISTRY);
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([]);
    const s = result.scenario;
    expect(s.version).toBe(2);
    expect(s.groups).toEqual([]);
    expect(s.meta.title).toBe('Frozen v1 link');
    expect(s.seed).toBe(3);
    expect(s.durationMs).toBe(10_000);
    expect(s.nodes.map((n) => [n.id, n.kind, n.label, n.position])).toEqual([
      ['users', 'client', 'Users', { x: 0, y: 0 }],
      ['api', 'service', undefined, { x: 260, y: 0 }],
    ]);
    expect(at(s.nodes, 1).config).toMatchObject({
      workers: 2,
      serviceTime: { type: 'constant', valueMs: 5 },
    });
    expect(s.edges.map((e) => [e.id, e.source, e.target])).toEqual([['e1', 'users', 'api']]);
    expect(s.faults).toEqual([
      { id: 'f1', type: 'crash', target: 'api', startMs: 4000, durationMs: 1000 },
    ]);
  });

  it('re-sharing a version-1 link gives a current link to the same scenario', () => {
    const s = scenarioOf(decodeScenarioLink(FROZEN_V1_LINK, REGISTRY));
    const again = encodeScenarioLink(s);
    expect(again).not.toBe(FROZEN_V1_LINK);
    expect(again).toMatch(/^s=2\./);
    expect(scenarioOf(decodeScenarioLink(again, REGISTRY))).toEqual(s);
  });

  it('a version-2 link (with a checksum) still opens', () => {
    const result = decodeScenarioLink(`#${FROZEN_V2_LINK}`, REGISTRY);
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([]);
    const s = result.scenario;
    expect(s.meta.title).toBe('Frozen v2 link');
    expect(s.seed).toBe(5);
    expect(s.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['users', 'client'],
      ['api', 'service'],
    ]);
    expect(s.edges.map((e) => [e.id, e.source, e.target])).toEqual([['e1', 'users', 'api']]);
    expect(at(s.nodes, 1).config).toMatchObject({
      workers: 2,
      serviceTime: { type: 'constant', valueMs: 5 },
    });
  });
});

describe('reading the hash', () => {
  const link = encodeScenarioLink(parsed(exampleDoc()));

  it.each([
    ['bare', link],
    ['with #', `#${link}`],
    ['followed by other params', `#${link}&view=charts&x=y`],
    ['after other params', `#view=charts&${link}`],
    ['between other params', `tab=1&${link}&x`],
  ])('finds the scenario %s', (_, hash) => {
    expect(hasScenarioLink(hash)).toBe(true);
    expect(decodeScenarioLink(hash, REGISTRY).ok).toBe(true);
  });

  it.each(['', '#', '#view=charts', 'x=1&y=2', '#ss=1.abc', '#&&&', 'S=1.abc', '#x=s=1.abc'])(
    'reports no scenario for %j',
    (hash) => {
      expect(hasScenarioLink(hash)).toBe(false);
      expect(decodeScenarioLink(hash, REGISTRY)).toEqual({ ok: false, error: NO_SCENARIO_IN_LINK });
    },
  );

  it('takes the first s= when there are several', () => {
    const other = encodeScenarioLink({ ...parsed(exampleDoc()), seed: 7 });
    const result = decodeScenarioLink(`#${other}&${link}`, REGISTRY);
    expect(result.ok && result.scenario.seed).toBe(7);
  });

  it('sees an empty s= as a (damaged) scenario link', () => {
    expect(hasScenarioLink('#s=')).toBe(true);
    expect(hasScenarioLink('#a=b&s=&c')).toBe(true);
  });

  it('treats non-string input as no scenario rather than throwing', () => {
    for (const value of [undefined, null, 42, {}, ['s=1.x']]) {
      expect(hasScenarioLink(value as unknown as string)).toBe(false);
      expect(decodeScenarioLink(value as unknown as string, REGISTRY)).toEqual({
        ok: false,
        error: NO_SCENARIO_IN_LINK,
      });
    }
  });
});
