import { afterEach, describe, expect, it, vi } from 'vitest';
import { REGISTRY } from '../patterns/index.ts';
import type { SimScenario } from '../engine/index.ts';
import { canConnect } from './connection-rules.ts';
import { MAX_JSON_DEPTH } from './json-depth.ts';
import { decodeScenarioLink, encodeScenarioLink } from './link-codec.ts';
import { hostileText, v1LinkOf } from './test-fixtures.ts';
import { parseScenario, parseScenarioText } from './validate.ts';

// The inputs in hostile-inputs/ once went through somewhere the editor would have refused
// them, or cost far too much to refuse. Every way in now refuses each the same way: a file
// (import, the CLI), a version-1 or a version-2 link, and a live edit (the document object).

const errorsOf = (r: ReturnType<typeof parseScenario>) => (r.ok ? [] : r.errors);

/** The errors of a document text through every way in; they must agree. */
function refusedEverywhere(text: string): string[] {
  const fromText = errorsOf(parseScenarioText(text, REGISTRY));
  const fromObject = errorsOf(parseScenario(JSON.parse(text), REGISTRY));
  expect(fromObject).toEqual(fromText);
  const lines = fromText.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const link = decodeScenarioLink(v1LinkOf(text), REGISTRY);
  expect(link.ok ? 'opened' : link.error).toBe(
    `This link's scenario is invalid: ${lines.slice(0, 3).join('; ')}`,
  );
  return lines;
}

/** The document without edge `index`: valid, so the editor can be asked about that edge. */
function withoutEdge(text: string, index: number): SimScenario {
  const doc = JSON.parse(text) as { edges: unknown[] };
  doc.edges.splice(index, 1);
  const parsed = parseScenario(doc, REGISTRY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

describe('hostile inputs', () => {
  it('cycle.json: the edge that closes the loop is named, as the editor refuses it', () => {
    const text = hostileText('cycle.json');
    expect(refusedEverywhere(text)).toEqual([
      'edges[4]: orders → gateway closes a call cycle orders → gateway → orders; requests would circle forever',
    ]);
    expect(canConnect(withoutEdge(text, 4), 'orders', 'gateway', REGISTRY)).toEqual({
      ok: false,
      reason:
        'Orders calling Gateway would create a loop: Orders → Gateway → Orders; requests would circle forever.',
    });
  });

  it('cycle-proxies.json: a loop of two proxies is refused too', () => {
    const text = hostileText('cycle-proxies.json');
    expect(refusedEverywhere(text)).toEqual([
      'edges[6]: t2 → t1 closes a call cycle t2 → t1 → t2; requests would circle forever',
    ]);
    expect(canConnect(withoutEdge(text, 6), 't2', 't1', REGISTRY)).toMatchObject({ ok: false });
  });

  it('position-1e308.json: positions beyond ±1 000 000 px are refused, naming the field', () => {
    expect(refusedEverywhere(hostileText('position-1e308.json'))).toEqual([
      'nodes[0].position.x: must be a number ≤ 1000000 (got 1e+308)',
      'nodes[0].position.y: must be a number ≥ -1000000 (got -1e+308)',
    ]);
  });

  it('proto-in-config.json: "__proto__" in a config is refused like "constructor"', () => {
    const [line] = refusedEverywhere(hostileText('proto-in-config.json'));
    expect(line).toMatch(/^nodes\[1\]\.config: unknown field "__proto__"; expected one of: /);
  });

  it('a current link to any of them is refused alike', () => {
    // The encoder only writes valid scenarios: build the link around the text by hand.
    const text = hostileText('cycle.json');
    const parsed = parseScenario(withoutEdge(text, 4), REGISTRY);
    if (!parsed.ok) throw new Error('must parse');
    const link = encodeScenarioLink({
      ...parsed.scenario,
      edges: [
        ...parsed.scenario.edges,
        {
          ...(parsed.scenario.edges[0] as SimScenario['edges'][0]),
          id: 'cyc',
          source: 'orders',
          target: 'gateway',
        },
      ],
    });
    const result = decodeScenarioLink(link, REGISTRY);
    expect(result.ok ? 'opened' : result.error).toBe(
      "This link's scenario is invalid: edges[4]: orders → gateway closes a call cycle orders → gateway → orders; requests would circle forever",
    );
  });
});

describe('a 400 000-deep list in a link', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const DEPTH_ERROR = `lists and objects are nested more than ${MAX_JSON_DEPTH} levels deep; the limit is ${MAX_JSON_DEPTH}`;

  it('is refused by its depth, before JSON.parse ever sees it', () => {
    const hash = hostileText('deep-array-400k.link.txt').trim();
    const parse = vi.spyOn(JSON, 'parse');
    const result = decodeScenarioLink(hash, REGISTRY);
    expect(result).toEqual({ ok: false, error: `This link's scenario is invalid: ${DEPTH_ERROR}` });
    expect(parse).not.toHaveBeenCalled();
  });

  it('and so is the same text imported as a file, or deep data in a live edit', () => {
    const deep = `{"format":"faultline-scenario","version":2,"durationMs":1,"nodes":[],"meta":{"patterns":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const parse = vi.spyOn(JSON, 'parse');
    expect(errorsOf(parseScenarioText(deep, REGISTRY))).toEqual([
      { path: '', message: DEPTH_ERROR },
    ]);
    expect(parse).not.toHaveBeenCalled();
    let value: unknown = [];
    for (let i = 0; i < MAX_JSON_DEPTH; i++) value = [value];
    const doc = {
      format: 'faultline-scenario',
      version: 2,
      durationMs: 1,
      nodes: [],
      meta: { patterns: value },
    };
    expect(errorsOf(parseScenario(doc, REGISTRY))).toEqual([{ path: '', message: DEPTH_ERROR }]);
  });
});
