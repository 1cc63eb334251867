import { describe, expect, it } from 'vitest';
import { DEFAULT_EDGE_CONFIG } from '../engine/index.ts';
import { formatErrors, type ScenarioError } from './scenario-error.ts';
import { createTestRegistry } from './test-registry.ts';
import {
  at,
  exampleDoc,
  groupsDoc,
  V1_EXAMPLE_TEXT,
  type Item,
  type MutableDoc,
} from './test-fixtures.ts';
import {
  MAX_REPORTED_ERRORS,
  parseScenario,
  parseScenarioText,
  type ParseResult,
} from './validate.ts';

const registry = createTestRegistry();

function errorsOf(result: ParseResult): ScenarioError[] {
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
}

/** Parses the example after `change` and returns its errors. */
function errorsAfter(change: (doc: MutableDoc) => void): ScenarioError[] {
  const doc = exampleDoc();
  change(doc);
  return errorsOf(parseScenario(doc, registry));
}

/** Parses the version-2 fixture after `change` to its first group and returns the errors. */
function groupErrorsAfter(change: (group: Item) => void): ScenarioError[] {
  const doc = groupsDoc();
  change(at(doc.groups, 0));
  return errorsOf(parseScenario(doc, registry));
}

describe('parseScenario: the first version-1 example', () => {
  it('parses the frozen v1 fixture, from text and from a value, into version 2', () => {
    const fromText = parseScenarioText(V1_EXAMPLE_TEXT, registry);
    const fromValue = parseScenario(exampleDoc(), registry);
    expect(fromText).toEqual(fromValue);
    expect(fromText.ok && fromText.scenario.version).toBe(2);
    expect(fromText.ok && fromText.scenario.groups).toEqual([]);
  });

  it('applies defaults: edge config, fault duration stays as given, node configs', () => {
    const result = parseScenario(exampleDoc(), registry);
    if (!result.ok) throw new Error(formatErrors(result.errors).join('\n'));
    const { scenario, warnings } = result;
    expect(warnings).toEqual([]);
    expect(scenario.seed).toBe(42);
    expect(at(scenario.edges, 0)).toEqual({
      id: 'e1',
      source: 'users',
      target: 'orders',
      config: DEFAULT_EDGE_CONFIG,
    });
    expect(at(scenario.faults, 0)).toEqual({
      id: 'f1',
      target: 'orders',
      type: 'error-rate',
      startMs: 30000,
      durationMs: 20000,
      rate: 0.8,
    });
    expect(at(scenario.nodes, 1).config).toEqual({
      workers: 1,
      queueCapacity: null,
      serviceTime: { type: 'exponential', meanMs: 10 },
      errorRate: 0,
    });
  });

  it.each([1, 2])('fills every optional part of a minimal version-%i document', (version) => {
    const result = parseScenario(
      {
        format: 'faultline-scenario',
        version,
        durationMs: 1000,
        nodes: [{ id: 'api', kind: 'service' }],
        faults: [{ id: 'f', target: 'api', type: 'crash', startMs: 0 }],
      },
      registry,
    );
    if (!result.ok) throw new Error(formatErrors(result.errors).join('\n'));
    expect(result.scenario.meta).toEqual({ title: '', description: '', patterns: [] });
    expect(result.scenario.seed).toBe(1);
    expect(result.scenario.version).toBe(2);
    expect(result.scenario.edges).toEqual([]);
    expect(result.scenario.groups).toEqual([]);
    expect(at(result.scenario.nodes, 0)).toEqual({
      id: 'api',
      kind: 'service',
      position: { x: 0, y: 0 },
      config: {
        workers: 1,
        queueCapacity: null,
        serviceTime: { type: 'exponential', meanMs: 10 },
        errorRate: 0,
      },
    });
    expect(at(result.scenario.faults, 0)).toMatchObject({ durationMs: null });
  });

  it('does not mutate its input', () => {
    const doc = exampleDoc();
    parseScenario(doc, registry);
    expect(doc).toEqual(exampleDoc());
  });
});

describe('parseScenario: errors name the field and say what is wrong', () => {
  it('unknown kind lists the known kinds', () => {
    const errors = errorsAfter((d) => {
      at(d.nodes, 1).kind = 'bogus';
    });
    expect(errors).toEqual([
      {
        path: 'nodes[1].kind',
        message: 'unknown kind "bogus"; known kinds: client, service, database',
      },
    ]);
  });

  it('re-paths kind config errors and reports the received value', () => {
    const errors = errorsAfter((d) => {
      at(d.nodes, 1).config = { workers: 0, serviceTime: { type: 'exponential', meanMs: -1 } };
    });
    expect(formatErrors(errors)).toEqual([
      'nodes[1].config.workers: must be a number ≥ 1 (got 0)',
      'nodes[1].config.serviceTime.meanMs: must be a number > 0 (got -1)',
    ]);
  });

  it('reports wrong types and missing fields', () => {
    const errors = errorsAfter((d) => {
      d.durationMs = 'long';
      delete at(d.faults, 0).rate;
    });
    expect(formatErrors(errors)).toEqual([
      'durationMs: must be a number (got "long")',
      'faults[0].rate: is required (a number)',
    ]);
  });

  it('dangling edges name the missing node', () => {
    const errors = errorsAfter((d) => {
      at(d.edges, 0).target = 'x';
    });
    expect(errors).toEqual([{ path: 'edges[0].target', message: 'no node with id "x"' }]);
  });

  it('refuses self-loops and edges into a traffic source', () => {
    expect(
      errorsAfter((d) => {
        at(d.edges, 0).target = 'users';
      }),
    ).toEqual([
      { path: 'edges[0].target', message: 'an edge cannot connect node "users" to itself' },
    ]);
    expect(
      errorsAfter((d) => {
        d.edges.push({ id: 'back', source: 'orders', target: 'users' });
      }),
    ).toEqual([
      {
        path: 'edges[1].target',
        message: 'node "users" (kind "client") is a traffic source and cannot receive calls',
      },
    ]);
  });

  it('duplicate ids point at the earlier use', () => {
    const errors = errorsAfter((d) => {
      at(d.nodes, 1).id = 'users';
    });
    expect(errors[0]).toEqual({
      path: 'nodes[1].id',
      message: 'duplicate id "users" (also used by nodes[0])',
    });
  });

  it('ids are unique across nodes, edges, faults and groups', () => {
    const doc = groupsDoc();
    at(doc.edges, 0).id = 'users';
    at(doc.faults, 0).id = 'orders';
    at(doc.groups, 0).id = 'orders';
    at(doc.groups, 1).id = 'orders-orders-db';
    expect(errorsOf(parseScenario(doc, registry))).toEqual([
      { path: 'edges[0].id', message: 'duplicate id "users" (also used by nodes[0])' },
      { path: 'faults[0].id', message: 'duplicate id "orders" (also used by nodes[1])' },
      { path: 'groups[0].id', message: 'duplicate id "orders" (also used by nodes[1])' },
      { path: 'groups[1].id', message: 'duplicate id "orders-orders-db" (also used by edges[1])' },
    ]);
    const again = groupsDoc();
    at(again.groups, 1).id = 'catalog-errors';
    expect(errorsOf(parseScenario(again, registry))).toEqual([
      { path: 'groups[1].id', message: 'duplicate id "catalog-errors" (also used by faults[0])' },
    ]);
    const twice = groupsDoc();
    at(twice.groups, 1).id = 'ordering-context';
    expect(errorsOf(parseScenario(twice, registry))).toEqual([
      { path: 'groups[1].id', message: 'duplicate id "ordering-context" (also used by groups[0])' },
    ]);
  });

  it('faults must target the right kind of thing', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'crash', target: 'e1' }, 'a crash fault targets a node, but "e1" is an edge'],
      [
        { type: 'partition', target: 'orders' },
        'a partition fault targets an edge, but "orders" is a node',
      ],
      [{ type: 'partition', target: 'nope' }, 'no edge with id "nope"'],
      [{ type: 'hang', target: 'nope' }, 'no node with id "nope"'],
      [
        { type: 'traffic-spike', target: 'orders' },
        'a traffic-spike fault targets a traffic source, but node "orders" (kind "service") is not one',
      ],
    ];
    for (const [fault, message] of cases) {
      const errors = errorsAfter((d) => {
        d.faults = [{ id: 'f', startMs: 0, ...fault }];
      });
      expect(errors).toEqual([{ path: 'faults[0].target', message }]);
    }
  });

  it('names unknown top-level keys, and unknown keys anywhere', () => {
    const top = errorsAfter((d) => {
      d.nodez = [];
    });
    expect(at(top, 0).path).toBe('');
    expect(at(top, 0).message).toMatch(/^unknown field "nodez"; expected one of: format, version/);
    const nested = errorsAfter((d) => {
      at(d.edges, 0).config = { wieght: 2 };
    });
    expect(at(nested, 0)).toMatchObject({ path: 'edges[0].config' });
    expect(at(nested, 0).message).toMatch(/^unknown field "wieght"/);
  });

  it('checks the format marker before anything else', () => {
    expect(errorsOf(parseScenario({ hello: 'world' }, registry))).toEqual([
      {
        path: 'format',
        message:
          'is required (must be "faultline-scenario"); this does not look like a Faultline scenario',
      },
    ]);
    expect(errorsOf(parseScenario([1, 2], registry))).toEqual([
      { path: '', message: 'a scenario must be a JSON object (got a list of 2)' },
    ]);
  });

  it('caps the number of reported errors', () => {
    const errors = errorsAfter((d) => {
      d.edges = Array.from({ length: 300 }, (_, i) => ({ id: `e${i}`, source: 'a', target: 'b' }));
    });
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(at(errors, MAX_REPORTED_ERRORS)).toEqual({ path: '', message: '…and 500 more errors' });
  });
});

describe('parseScenario: groups', () => {
  it('keeps groups exactly as written', () => {
    const result = parseScenario(groupsDoc(), registry);
    if (!result.ok) throw new Error(formatErrors(result.errors).join('\n'));
    expect(result.scenario.groups).toEqual(groupsDoc().groups);
  });

  it('checks every field of a group', () => {
    expect(
      groupErrorsAfter((g) => {
        g.label = '';
        g.width = 39;
        g.height = 10_001;
        g.position = { x: 'left', y: 0 };
      }),
    ).toEqual([
      { path: 'groups[0].label', message: 'must not be empty' },
      { path: 'groups[0].position.x', message: 'must be a number (got "left")' },
      { path: 'groups[0].width', message: 'must be a number ≥ 40 (got 39)' },
      { path: 'groups[0].height', message: 'must be a number ≤ 10000 (got 10001)' },
    ]);
    expect(
      groupErrorsAfter((g) => {
        g.label = 'x'.repeat(81);
        g.id = 'bad id';
      }),
    ).toEqual([
      {
        path: 'groups[0].id',
        message: 'may contain only letters, digits and _ . : - (got "bad id")',
      },
      { path: 'groups[0].label', message: 'must be at most 80 characters (got 81)' },
    ]);
  });

  it('requires every field and refuses unknown ones', () => {
    const missing = groupErrorsAfter((g) => {
      delete g.position;
      delete g.label;
    });
    expect(missing.map((e) => e.path)).toEqual(['groups[0].label', 'groups[0].position']);
    const unknown = groupErrorsAfter((g) => {
      g.color = 'red';
    });
    expect(unknown).toEqual([
      { path: 'groups[0]', message: expect.stringMatching(/^unknown field "color"/) as unknown },
    ]);
  });

  it('positions must be finite', () => {
    expect(
      groupErrorsAfter((g) => {
        g.position = { x: Infinity, y: NaN };
      }),
    ).toEqual([
      { path: 'groups[0].position.x', message: 'must be a number (got Infinity)' },
      { path: 'groups[0].position.y', message: 'must be a number (got NaN)' },
    ]);
  });

  it('accepts the size bounds exactly', () => {
    const doc = groupsDoc();
    Object.assign(at(doc.groups, 0), { width: 40, height: 10_000 });
    expect(parseScenario(doc, registry).ok).toBe(true);
  });
});

describe('parseScenario: warnings', () => {
  it('warns about a fault that starts after the run ends, and ignored config fields', () => {
    const doc = exampleDoc();
    at(doc.faults, 0).startMs = 120000;
    at(doc.nodes, 1).config = { workerz: 4 };
    const result = parseScenario(doc, registry);
    expect(result.ok && result.warnings).toEqual([
      'nodes[1].config.workerz: unknown field, ignored',
      'faults[0].startMs: starts at 120000 ms, at or after the end of the run (120000 ms), so it never takes effect',
    ]);
  });
});

describe('parseScenarioText', () => {
  it('reports invalid JSON with a line and column', () => {
    const errors = errorsOf(
      parseScenarioText('{\n  "format": "faultline-scenario",\n  "version" 1\n}', registry),
    );
    expect(errors).toHaveLength(1);
    expect(at(errors, 0).path).toBe('');
    expect(at(errors, 0).message).toMatch(/^not valid JSON: .*\(line 3, column 13\)$/);
  });

  it('rejects an empty document', () => {
    expect(errorsOf(parseScenarioText('  ', registry))).toEqual([
      { path: '', message: 'document is empty' },
    ]);
  });
});
