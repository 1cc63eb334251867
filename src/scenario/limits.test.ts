import { describe, expect, it } from 'vitest';
import { formatErrors } from './scenario-error.ts';
import { checkLimits, SCENARIO_LIMITS, utf8ByteLength } from './limits.ts';
import { createTestRegistry } from './test-registry.ts';
import { exampleDoc, V1_EXAMPLE_TEXT } from './test-fixtures.ts';
import { parseScenario, parseScenarioText } from './validate.ts';

const registry = createTestRegistry();

describe('limits', () => {
  it('counts UTF-8 bytes, not UTF-16 units', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('…')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
  });

  it('rejects too many nodes, edges, faults or groups with exact counts', () => {
    const doc = exampleDoc();
    doc.nodes = Array.from({ length: 1200 }, (_, i) => ({ id: `n${i}`, kind: 'service' }));
    doc.edges = Array.from({ length: 5001 }, () => ({}));
    doc.faults = Array.from({ length: 1001 }, () => ({}));
    doc['groups'] = Array.from({ length: 201 }, () => ({}));
    const result = parseScenario(doc, registry);
    expect(result.ok || formatErrors(result.errors)).toEqual([
      'nodes: document has 1200 nodes; the limit is 1000',
      'edges: document has 5001 edges; the limit is 5000',
      'faults: document has 1001 faults; the limit is 1000',
      'groups: document has 201 groups; the limit is 200',
    ]);
  });

  it('accepts exactly the group limit', () => {
    const doc = exampleDoc();
    doc['version'] = 2;
    doc['groups'] = Array.from({ length: SCENARIO_LIMITS.maxGroups }, (_, i) => ({
      id: `g${i}`,
      label: `Context ${i}`,
      position: { x: i * 50, y: 0 },
      width: 40,
      height: 40,
    }));
    const result = parseScenario(doc, registry);
    expect(result.ok && result.scenario.groups).toHaveLength(200);
  });

  it('accepts exactly the limit', () => {
    const doc = exampleDoc();
    doc.nodes = Array.from({ length: SCENARIO_LIMITS.maxNodes }, (_, i) => ({
      id: `n${i}`,
      kind: 'service',
    }));
    doc.edges = [];
    doc.faults = [];
    expect(parseScenario(doc, registry).ok).toBe(true);
  });

  it('rejects runs longer than a week', () => {
    expect(checkLimits({ durationMs: SCENARIO_LIMITS.maxDurationMs })).toEqual([]);
    expect(checkLimits({ durationMs: SCENARIO_LIMITS.maxDurationMs + 1 })).toEqual([
      {
        path: 'durationMs',
        message: 'run lasts 604800001 ms; the limit is 604800000 ms (7 days)',
      },
    ]);
  });

  it('rejects an oversized text before parsing it', () => {
    // Not JSON at all: if it were parsed we would get a syntax error instead.
    const text = '{'.repeat(SCENARIO_LIMITS.maxDocumentBytes + 1);
    const result = parseScenarioText(text, registry);
    expect(result.ok || result.errors).toEqual([
      { path: '', message: 'document is 1048577 bytes; the limit is 1048576 bytes' },
    ]);
  });

  it('measures multi-byte text in bytes', () => {
    // 400k three-byte characters: 1.2 MB although only 400k UTF-16 units.
    const text = `${V1_EXAMPLE_TEXT.slice(0, -2)}, "pad": "${'…'.repeat(400_000)}"}`;
    const result = parseScenarioText(text, registry);
    expect(result.ok || result.errors[0]?.message).toMatch(/^document is \d+ bytes; the limit/);
  });

  it('applies the byte limit to decoded values as well', () => {
    const doc = exampleDoc();
    doc.meta = { title: 'x'.repeat(SCENARIO_LIMITS.maxDocumentBytes) };
    const result = parseScenario(doc, registry);
    expect(result.ok || result.errors[0]?.message).toMatch(/^document is \d+ bytes/);
  });

  it('accepts injected limits', () => {
    const limits = { ...SCENARIO_LIMITS, maxNodes: 1 };
    const result = parseScenario(exampleDoc(), registry, { limits });
    expect(result.ok || formatErrors(result.errors)).toEqual([
      'nodes: document has 2 nodes; the limit is 1',
    ]);
  });
});
