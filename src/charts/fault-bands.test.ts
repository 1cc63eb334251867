import { describe, expect, it } from 'vitest';
import type { SimFault } from '../scenario/index.ts';
import { clipBands, faultBands } from './fault-bands.ts';

const faults: SimFault[] = [
  { id: 'f-crash', target: 'api', type: 'crash', startMs: 10_000, durationMs: 20_000 },
  {
    id: 'f-slow',
    target: 'db',
    type: 'latency',
    startMs: 5_000,
    durationMs: null,
    addMs: 50,
    multiplier: 1,
  },
  { id: 'f-part', target: 'e-api-db', type: 'partition', startMs: 30_000, durationMs: 5_000 },
  { id: 'f-late', target: 'api', type: 'hang', startMs: 70_000, durationMs: 1_000 },
];
const edges = [
  { id: 'e-client-api', source: 'client', target: 'api' },
  { id: 'e-api-db', source: 'api', target: 'db' },
];
const RUN_END = 60_000;

describe('faultBands', () => {
  it('shows every fault for the system, in seconds, sorted by start', () => {
    const bands = faultBands(faults, edges, { type: 'system' }, RUN_END);
    expect(bands.map((b) => b.id)).toEqual(['f-slow', 'f-crash', 'f-part']);
    expect(bands[1]).toEqual({
      id: 'f-crash',
      type: 'crash',
      label: 'crash',
      target: 'api',
      x1: 10,
      x2: 30,
    });
  });

  it('runs a fault without a duration to the run end', () => {
    const [slow] = faultBands(faults, edges, { type: 'node', nodeId: 'db' }, RUN_END);
    expect(slow).toMatchObject({ id: 'f-slow', x1: 5, x2: 60 });
  });

  it('keeps only faults on the node or on edges from or to it', () => {
    const ids = (nodeId: string) =>
      faultBands(faults, edges, { type: 'node', nodeId }, RUN_END).map((b) => b.id);
    expect(ids('api')).toEqual(['f-crash', 'f-part']);
    expect(ids('db')).toEqual(['f-slow', 'f-part']);
    expect(ids('client')).toEqual([]);
  });

  it('cuts bands at the run end and drops those starting after it', () => {
    const bands = faultBands(
      [{ id: 'x', target: 'api', type: 'crash', startMs: 50_000, durationMs: 30_000 }],
      edges,
      { type: 'system' },
      RUN_END,
    );
    expect(bands).toMatchObject([{ x1: 50, x2: 60 }]);
  });

  it('labels with the fault type in words', () => {
    const edgeLatency: SimFault = {
      id: 'x',
      target: 'e-api-db',
      type: 'edge-latency',
      startMs: 0,
      durationMs: 1,
      addMs: 5,
    };
    const bands = faultBands([edgeLatency], edges, { type: 'system' }, RUN_END);
    expect(bands[0]?.label).toBe('edge latency');
    const legacy: SimFault = {
      id: 'y',
      target: 'db',
      type: 'legacy-format',
      startMs: 0,
      durationMs: 1,
      rate: 0.05,
    };
    expect(faultBands([legacy], edges, { type: 'system' }, RUN_END)[0]?.label).toBe(
      'legacy format',
    );
  });
});

describe('clipBands', () => {
  it('cuts bands to the domain and drops those outside', () => {
    const bands = faultBands(faults, edges, { type: 'system' }, RUN_END);
    const clipped = clipBands(bands, [20, 40]);
    expect(clipped.map((b) => [b.id, b.x1, b.x2])).toEqual([
      ['f-slow', 20, 40],
      ['f-crash', 20, 30],
      ['f-part', 30, 35],
    ]);
    expect(clipBands(bands, [0, 4])).toEqual([]);
  });

  it('keeps a band inside the domain by identity', () => {
    const bands = faultBands(faults, edges, { type: 'system' }, RUN_END);
    expect(clipBands(bands, [0, 60])[1]).toBe(bands[1]);
  });
});
