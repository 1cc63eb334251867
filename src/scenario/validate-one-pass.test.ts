import { describe, expect, it } from 'vitest';
import { formatErrors } from './scenario-error.ts';
import { createTestRegistry } from './test-registry.ts';
import { at, exampleDoc, type MutableDoc } from './test-fixtures.ts';
import { MAX_REPORTED_ERRORS, parseScenario, parseScenarioText } from './validate.ts';

const registry = createTestRegistry();

/** The example after `change`, parsed; its errors as `path: message` lines. */
function errorLines(change: (doc: MutableDoc) => void): string[] {
  const doc = exampleDoc();
  change(doc);
  const result = parseScenario(doc, registry);
  if (result.ok) throw new Error('expected the document to be rejected');
  return formatErrors(result.errors);
}

const UNKNOWN_KIND = 'nodes[1].kind: unknown kind "bogus"; known kinds: client, service, database';
const DANGLING = 'edges[0].target: no node with id "x"';

describe('parseScenario reports every error in one pass', () => {
  it('a missing durationMs does not hide an unknown kind and a dangling edge', () => {
    expect(
      errorLines((d) => {
        delete d['durationMs'];
        at(d.nodes, 1).kind = 'bogus';
        at(d.edges, 0).target = 'x';
      }),
    ).toEqual(['durationMs: is required (a number)', UNKNOWN_KIND, DANGLING]);
  });

  it('nor do an unknown top-level key, a bad seed or bad meta', () => {
    expect(
      errorLines((d) => {
        d['colour'] = 'red';
        d['seed'] = -1;
        d['meta'] = { title: 3 };
        at(d.nodes, 1).kind = 'bogus';
      }),
    ).toEqual([
      'meta.title: must be a string (got 3)',
      'seed: must be a number ≥ 0 (got -1)',
      'unknown field "colour"; expected one of: format, version, meta, seed, durationMs, nodes, edges, faults, groups',
      UNKNOWN_KIND,
    ]);
  });

  it('a broken fault list does not hide node and edge errors, nor a node config error', () => {
    expect(
      errorLines((d) => {
        delete at(d.faults, 0).rate;
        at(d.nodes, 1).config = { workers: 0 };
        at(d.edges, 0).target = 'x';
      }),
    ).toEqual([
      'faults[0].rate: is required (a number)',
      'nodes[1].config.workers: must be a number ≥ 1 (got 0)',
      DANGLING,
    ]);
  });

  it('a broken edge list still lets the node checks run, and silences only fault checks', () => {
    expect(
      errorLines((d) => {
        at(d.edges, 0).weight = 1; // unknown edge field: the edge list does not parse
        at(d.nodes, 1).kind = 'bogus';
        at(d.faults, 0).target = 'nowhere'; // needs the edges to judge: waits for them
      }),
    ).toEqual([
      'edges[0]: unknown field "weight"; expected one of: id, source, target, label, config',
      UNKNOWN_KIND,
    ]);
  });

  it('a broken node list reports no false "no node with id" for edges and faults', () => {
    expect(
      errorLines((d) => {
        at(d.nodes, 0).label = 'x'.repeat(81);
        d.edges.push({ id: 'e2', source: 'users', target: 'orders' });
      }),
    ).toEqual([expect.stringMatching(/^nodes\[0\]\.label: /)]);
  });

  it('duplicate ids in the lists that parsed are reported beside a top-level error', () => {
    expect(
      errorLines((d) => {
        d['durationMs'] = 0;
        d.faults.push({ ...at(d.faults, 0) });
      }),
    ).toEqual([
      'durationMs: must be a number > 0 (got 0)',
      'faults[1].id: duplicate id "f1" (also used by faults[0])',
    ]);
  });

  it('keeps the cap on reported errors when both passes find many', () => {
    const result = parseScenario(
      {
        ...exampleDoc(),
        durationMs: 'long',
        edges: Array.from({ length: 300 }, (_, i) => ({ id: `e${i}`, source: 'a', target: 'b' })),
      },
      registry,
    );
    if (result.ok) throw new Error('expected the document to be rejected');
    expect(result.errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(at(result.errors, 0).path).toBe('durationMs');
    expect(at(result.errors, MAX_REPORTED_ERRORS).message).toBe('…and 501 more errors');
  });

  it('works the same from text', () => {
    const doc = exampleDoc();
    delete doc['durationMs'];
    at(doc.edges, 0).target = 'x';
    const result = parseScenarioText(JSON.stringify(doc), registry);
    expect(result.ok ? [] : formatErrors(result.errors)).toEqual([
      'durationMs: is required (a number)',
      DANGLING,
    ]);
  });
});
