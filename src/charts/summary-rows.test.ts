import { describe, expect, it } from 'vitest';
import type { ClientSummary, NodeSummary, SimSummary } from '../store/index.ts';
import {
  SUMMARY_COLUMNS,
  clientRows,
  counterRows,
  nodeRows,
  stuckRows,
  summaryCaption,
} from './summary-rows.ts';

const latencyMs = { mean: 12.345, p50: 10, p95: 30.25, p99: 55.5, p999: 80, max: 100 };
const summary: SimSummary = {
  seed: 42,
  durationMs: 60_000,
  events: 123_456,
  clients: {
    web: {
      sent: 6000,
      succeeded: 5940,
      failed: { timeout: 50, error: 10 },
      inFlight: 0,
      latencyMs,
    },
  },
  nodes: {
    api: {
      arrivals: 6000,
      completed: 5950,
      failed: { error: 50 },
      latencyMs,
      utilization: 0.4567,
      maxQueueDepth: 7,
    },
  },
  conservation: { ok: true, checkedAtMs: 60_000, violations: [], inFlight: {}, messages: {} },
};

describe('summary rows', () => {
  it('match the CLI figures for clients', () => {
    const [web] = clientRows(summary, { web: 'Web client' });
    expect(web?.name).toBe('Web client');
    expect(web?.cells).toHaveLength(SUMMARY_COLUMNS.length);
    expect(web?.cells).toEqual([
      '6000',
      '5940',
      '60',
      'error 10, timeout 50',
      '0',
      '12.3 ms',
      '10.0 ms',
      '30.3 ms',
      '55.5 ms',
      '99/s',
      '–',
      '–',
    ]);
  });

  it('match the CLI figures for nodes, falling back to the id as name', () => {
    const [api] = nodeRows(summary, {});
    expect(api?.name).toBe('api');
    expect(api?.cells.slice(9)).toEqual(['99.2/s', '45.7%', '7']);
    expect(api?.cells[4]).toBe('–');
  });

  it('show failures by cause as exact counts, as the CLI does', () => {
    const web = summary.clients['web'] as ClientSummary;
    const api = summary.nodes['api'] as NodeSummary;
    const many: SimSummary = {
      ...summary,
      clients: { web: { ...web, failed: { 'circuit-open': 3112, error: 8 } } },
      nodes: { api: { ...api, failed: { 'circuit-open': 3112, timeout: 1_234_567 } } },
    };
    const [client] = clientRows(many, {});
    const [node] = nodeRows(many, {});
    expect(client?.cells[2]).toBe('3120');
    expect(client?.cells[3]).toBe('circuit-open 3112, error 8');
    expect(node?.cells[3]).toBe('circuit-open 3112, timeout 1234567');
  });

  it('caption the run with its exact event count', () => {
    expect(summaryCaption(summary)).toBe(
      'Run summary: seed 42, 1:00 simulated, 123456 events, conservation ok.',
    );
  });

  it("list late responses and each kind's counters in its own words, like the CLI", () => {
    const api = summary.nodes['api'] as NodeSummary;
    const withCounters: SimSummary = {
      ...summary,
      clients: { web: { ...(summary.clients['web'] as ClientSummary), lateResponses: 7 } },
      nodes: {
        api: { ...api, lateResponses: 2 },
        breaker: {
          ...api,
          metrics: { rejected: 31, openMs: 1500.5, share: 0.25 },
        },
        quiet: api,
      },
    };
    const declared = {
      breaker: [
        { name: 'rejected', label: 'Rejected', unit: 'count' as const },
        { name: 'openMs', label: 'Time open', unit: 'ms' as const },
      ],
    };
    const rows = counterRows(withCounters, { web: 'Web client' }, (id) =>
      id === 'breaker' ? declared.breaker : [],
    );
    expect(rows).toEqual([
      { id: 'web', name: 'Web client', text: 'Late responses 7' },
      { id: 'api', name: 'api', text: 'Late responses 2' },
      { id: 'breaker', name: 'breaker', text: 'Rejected 31 · Time open 1.50 s · share 0.3' },
    ]);
  });

  it("list what is stuck at the end in the engine's sentence, like the CLI", () => {
    const api = summary.nodes['api'] as NodeSummary;
    const stuck: SimSummary = {
      ...summary,
      nodes: {
        api: {
          ...api,
          stuck: {
            partitioned: 4,
            hung: 0,
            busy: 4,
            capacity: 4,
            queueDepth: 12_000,
            inFlight: 12_004,
          },
        },
        quiet: api,
      },
    };
    expect(stuckRows(summary, {})).toEqual([]);
    const rows = stuckRows(stuck, { api: 'Orders' });
    expect(rows.map((r) => ({ ...r, text: r.text.replaceAll('\u00a0', ' ') }))).toEqual([
      {
        id: 'api',
        name: 'Orders',
        text: 'all 4 workers waiting on a partitioned call; 12 000 queued; no timeout is set',
      },
    ]);
  });
});
