import { describe, expect, it } from 'vitest';
import type { ClientSummary, SimSummary } from '../engine/index.ts';
import { formatSummary } from './format-summary.ts';

const latency = { mean: 12.3456, p50: 10, p95: 30.5, p99: 41.25, p999: 50, max: 60 };

const users: ClientSummary = {
  sent: 1000,
  succeeded: 980,
  failed: { timeout: 12, refused: 3112 },
  inFlight: 5,
  latencyMs: latency,
  lateResponses: 7,
};

const summary: SimSummary = {
  seed: 9,
  durationMs: 10_000,
  events: 12345,
  clients: { users },
  nodes: {
    api: {
      arrivals: 1000,
      completed: 990,
      failed: { error: 5 },
      latencyMs: latency,
      utilization: 0.61234,
      maxQueueDepth: 17,
      metrics: { queued: 40 },
      lateResponses: 2,
    },
  },
  conservation: {
    ok: false,
    checkedAtMs: 10_000,
    violations: ['api: arrivals 1000 ≠ …'],
    inFlight: {},
    messages: {},
  },
};

describe('formatSummary', () => {
  const text = formatSummary(summary, {
    title: 'Demo',
    source: 'demo.json',
    kinds: { api: 'service' },
    wallMs: 1234,
  });
  const lines = text.split('\n');

  it('starts with a header line naming title, file, seed, duration, events and wall time', () => {
    expect(lines[0]).toBe(
      'Demo (demo.json): seed 9, 10000 ms simulated, 12345 events, 1.234 s wall',
    );
  });

  it('has a client row with failures by cause and throughput over simulated time', () => {
    const row = lines.find((l) => l.startsWith('users'));
    // Figures read as they do in the app: the same formatters (counts stay exact).
    expect(row?.split(/ {2,}/)).toEqual([
      'users',
      '1000',
      '980',
      '3124',
      '5',
      '12.3 ms',
      '10.0 ms',
      '30.5 ms',
      '41.3 ms',
      '98/s',
      // Exact counts by cause too, never '3.1k': the Summary tab shows the same text.
      'refused 3112, timeout 12',
    ]);
  });

  it('has a node row with kind, utilisation % and max queue, and a counters line', () => {
    const row = lines.find((l) => l.startsWith('api '));
    expect(row?.split(/ {2,}/)).toEqual([
      'api',
      'service',
      '1000',
      '990',
      '5',
      '12.3 ms',
      '10.0 ms',
      '30.5 ms',
      '41.3 ms',
      '99/s',
      '61.2%',
      '17',
      'error 5',
    ]);
    expect(text).toContain('api  queued=40 late-responses=2');
  });

  it('lists client late responses under "Client counters", only when a client has some', () => {
    expect(text).toContain('Client counters\nusers  late-responses=7\n\nNode counters\n');
    const { lateResponses: _, ...onTime } = users;
    const plain = formatSummary(
      { ...summary, clients: { users: onTime } },
      { title: '', source: 'x.json' },
    );
    expect(plain).not.toContain('Client counters');
  });

  it('aligns each column: right-aligned cells end where their header ends', () => {
    const header = lines.find((l) => l.startsWith('node'));
    const row = lines.find((l) => l.startsWith('api '));
    const end = (line: string | undefined, word: string) =>
      (line ?? '').indexOf(word) + word.length;
    expect(end(row, '990')).toBe(end(header, ' ok'));
    expect(end(row, '61.2%')).toBe(end(header, 'util'));
  });

  it('lists conservation violations, and omits wall time when not given', () => {
    expect(text).toContain('Conservation: VIOLATED\n  api: arrivals 1000 ≠ …');
    const plain = formatSummary(
      { ...summary, conservation: { ...summary.conservation, ok: true } },
      { title: '', source: 'x.json' },
    );
    expect(plain.split('\n')[0]).toBe('x.json: seed 9, 10000 ms simulated, 12345 events');
    expect(plain.trimEnd().endsWith('Conservation: ok')).toBe(true);
  });
});
