import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../patterns/index.ts';
import { parseScenario } from './index.ts';

const doc = (edges: { source: string; target: string; config?: Record<string, unknown> }[]) => ({
  format: 'faultline-scenario',
  version: 2,
  seed: 1,
  durationMs: 1000,
  nodes: [
    { id: 'c', kind: 'client', position: { x: 0, y: 0 } },
    { id: 'q', kind: 'queue', position: { x: 200, y: 0 } },
    { id: 'w', kind: 'service', position: { x: 400, y: 0 } },
    { id: 'dlq', kind: 'queue', position: { x: 400, y: 200 } },
    { id: 'dlq2', kind: 'queue', position: { x: 400, y: 400 } },
  ],
  edges: edges.map((e, i) => ({ id: `e${i}`, ...e })),
});

const errors = (d: unknown) => {
  const r = parseScenario(d, REGISTRY);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('edge roles', () => {
  it('accept a dead-letter edge from a queue to a queue', () => {
    expect(
      errors(
        doc([
          { source: 'c', target: 'q' },
          { source: 'q', target: 'w' },
          { source: 'q', target: 'dlq', config: { role: 'dead-letter' } },
        ]),
      ),
    ).toEqual([]);
  });

  it('refuse a role the source kind does not have, naming the field', () => {
    expect(errors(doc([{ source: 'c', target: 'q', config: { role: 'dead-letter' } }]))).toEqual([
      'edges[0].config.role: an edge with role "dead-letter" must leave a component that has one; node "c" (kind "client") has none',
    ]);
  });

  it('refuse a dead-letter edge into something that holds no messages', () => {
    expect(errors(doc([{ source: 'q', target: 'w', config: { role: 'dead-letter' } }]))).toEqual([
      'edges[0].config.role: a dead-letter edge must lead to a message broker; node "w" (kind "service") holds no messages',
    ]);
  });

  it('refuse a second dead-letter edge out of one queue', () => {
    expect(
      errors(
        doc([
          { source: 'q', target: 'dlq', config: { role: 'dead-letter' } },
          { source: 'q', target: 'dlq2', config: { role: 'dead-letter' } },
        ]),
      ),
    ).toEqual(['edges[1].config.role: node "q" takes at most 1 dead-letter edge']);
  });

  it('refuse an unknown role and a message type that is not a name', () => {
    const got = errors(
      doc([
        { source: 'c', target: 'q', config: { messageType: 'order placed!' } },
        { source: 'q', target: 'dlq', config: { role: 'poison' } },
      ]),
    );
    expect(got.some((e) => e.startsWith('edges[0].config.messageType: must be a name'))).toBe(true);
    expect(got.some((e) => e.startsWith('edges[1].config.role'))).toBe(true);
  });
});
