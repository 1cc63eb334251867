import { describe, expect, it } from 'vitest';
import type { NodeFrame } from '../engine/index.ts';
import { nodeStatus, STATUS_WORDS, statusRule } from './node-status.ts';
import { BASELINE_WINDOWS, EMPTY_TREND, observe, type NodeTrend } from './node-trend.ts';

interface Second {
  queue?: number;
  busy?: number;
  utilization?: number;
  p99Ms?: number;
  completed?: number;
  failed?: number;
  faults?: string[];
}

const frame = (s: Second = {}, over: Partial<NodeFrame> = {}): NodeFrame => ({
  id: 'orders',
  arrivals: 1000,
  ok: 1000,
  failed: {},
  inFlight: s.busy ?? 1,
  queueDepth: s.queue ?? 0,
  busy: s.busy ?? 1,
  capacity: 4,
  window: {
    arrivals: s.completed ?? 50,
    completed: s.completed ?? 50,
    failed: s.failed ?? 0,
    p99Ms: s.p99Ms ?? 40,
    utilization: s.utilization ?? 0.3,
    queueDepth: s.queue ?? 0,
  },
  metrics: {},
  faults: s.faults ?? [],
  crashed: false,
  hung: false,
  state: null,
  ...over,
});

/** Folds one frame per second of virtual time after `start`'s last; the last status and words. */
function play(seconds: readonly Second[], start: NodeTrend = EMPTY_TREND) {
  let trend = start;
  const t0 = start.recent.at(-1)?.timeMs ?? 0;
  let last: NodeFrame | undefined;
  const words: string[] = [];
  seconds.forEach((s, i) => {
    last = frame(s);
    trend = observe(trend, last, t0 + (i + 1) * 1000);
    words.push(nodeStatus(last, trend).text);
  });
  return { trend, words, status: nodeStatus(last, trend) };
}

const healthy = (n: number, p99Ms = 40): Second[] => Array.from({ length: n }, () => ({ p99Ms }));

describe('node status', () => {
  it('the reported case — 22 191 queued, all 4 workers busy, p99 194 s — reads Saturated, not OK', () => {
    const overload: Second[] = [20_000, 21_100, 22_191].map((queue) => ({
      queue,
      busy: 4,
      utilization: 1,
      p99Ms: 194_000,
      completed: 40,
    }));
    expect(play(overload).status).toEqual({ health: 'saturated', text: 'Saturated' });
    // After a healthy start too, and whatever the baseline says, saturation is the first word.
    expect(play([...healthy(BASELINE_WINDOWS), ...overload]).status.text).toBe('Saturated');
  });

  it('a long backlog that has stopped growing still reads Saturated; a short steady queue does not', () => {
    const flat = (queue: number): Second => ({ queue, busy: 4, utilization: 1, completed: 40 });
    expect(play([flat(22_191), flat(22_191), flat(22_191)]).status.text).toBe('Saturated');
    // Busy through three seconds but 7 calls waiting at 60 answers a second: near the edge.
    const edge = (queue: number): Second => ({ queue, busy: 4, utilization: 1, completed: 60 });
    expect(play([edge(7), edge(6), edge(7)]).status.text).toBe('OK');
  });

  it('needs every worker busy in each of the last three seconds', () => {
    const s = (queue: number, utilization: number): Second => ({ queue, busy: 4, utilization });
    expect(play([s(10, 1), s(20, 0.9), s(30, 1)]).status.text).toBe('OK');
    expect(play([s(10, 1), s(20, 1)]).status.text).toBe('OK');
    expect(play([s(10, 1), s(20, 1), s(30, 1)]).status.text).toBe('Saturated');
  });

  it('a p99 far above its own healthy baseline reads Slow, with a gap before it reads OK again', () => {
    const { trend, words } = play([
      ...healthy(BASELINE_WINDOWS, 40),
      { p99Ms: 194_000, completed: 30 },
    ]);
    expect(trend.baselineP99Ms).toBe(40);
    expect(words.at(-1)).toBe('Slow');
    // 5× 40 ms is the threshold; leaving needs < 3× (120 ms), so 150 ms stays Slow.
    expect(play([{ p99Ms: 150 }, { p99Ms: 110 }], trend).words).toEqual(['Slow', 'OK']);
    expect(play([{ p99Ms: 200 }, { p99Ms: 201 }], trend).words).toEqual(['Slow', 'Slow']);
    expect(play([{ p99Ms: 199 }], { ...trend, slow: false }).words).toEqual(['OK']);
  });

  it('never reads Slow before the baseline exists: no flicker at the start of a run', () => {
    // A run whose first seconds are noisy: p99 jumps 10× between windows.
    const start: Second[] = [{ p99Ms: 5 }, { p99Ms: 80 }, { p99Ms: 6 }, { p99Ms: 90 }];
    const { words, trend } = play(start);
    expect(words).toEqual(['OK', 'OK', 'OK', 'OK']);
    expect(trend.baselineP99Ms).toBeNull();
  });

  it('builds the baseline from healthy seconds only (no fault, few failures, workers free)', () => {
    const unhealthy: Second[] = [
      { p99Ms: 900, faults: ['slow'] },
      { p99Ms: 900, failed: 5 },
      { p99Ms: 900, utilization: 1 },
    ];
    const { trend } = play([...unhealthy, ...healthy(BASELINE_WINDOWS, 30)]);
    expect(trend.baselineP99Ms).toBe(30);
  });

  it('tiny latencies must also rise by at least 10 ms to read Slow', () => {
    const { trend } = play(healthy(BASELINE_WINDOWS, 1));
    expect(play([{ p99Ms: 9 }], trend).status.text).toBe('OK');
    expect(play([{ p99Ms: 12 }], trend).status.text).toBe('Slow');
  });

  it('a lightly loaded node reads OK through a long run, and one without calls reads Idle', () => {
    const light: Second[] = Array.from({ length: 120 }, (_, i) => ({
      queue: i % 3,
      busy: 1,
      utilization: 0.2 + (i % 5) / 20,
      p99Ms: 30 + (i % 7) * 5,
    }));
    expect(new Set(play(light).words)).toEqual(new Set(['OK']));
    const idle = frame({}, { arrivals: 0, window: { completed: 0, arrivals: 0 } });
    expect(nodeStatus(idle, observe(EMPTY_TREND, idle, 1000))).toEqual({
      health: 'idle',
      text: 'Idle',
    });
    expect(nodeStatus(undefined).text).toBe('Idle');
  });

  it('a crash or a hang overrides everything; then failures decide before saturation', () => {
    const overload = [1, 2, 3].map((q) => ({ queue: q * 100, busy: 4, utilization: 1 }));
    const { trend } = play(overload);
    expect(nodeStatus(frame({}, { crashed: true }), trend)).toEqual({
      health: 'down',
      text: 'Crashed',
    });
    expect(nodeStatus(frame({}, { hung: true }), trend).text).toBe('Hung');
    expect(nodeStatus(frame({ failed: 30, completed: 100 }), trend).text).toBe('Failing');
    expect(nodeStatus(frame({ failed: 2, completed: 100 }), trend).text).toBe('Saturated');
    expect(nodeStatus(frame({ failed: 2, completed: 100 })).text).toBe('Degraded');
    // Fault badge words alone do not change the status.
    expect(nodeStatus(frame({ faults: ['crash'] })).text).toBe('OK');
  });

  it('every worker waiting on a call nothing will end reads Stuck, before Failing and Saturated', () => {
    const overload = [1, 2, 3].map((q) => ({ queue: q * 100, busy: 4, utilization: 1 }));
    const { trend, status } = play(overload);
    expect(status.text).toBe('Saturated');
    const cut = { busy: 4, queue: 300, completed: 0 };
    const all = frame(cut, { stuck: { partitioned: 4, hung: 0 } });
    expect(nodeStatus(all, trend)).toEqual({ health: 'stuck', text: 'Stuck' });
    // Also when the callers time out and count failures: the cause is the stuck workers.
    const failing = frame(
      { ...cut, failed: 80, completed: 100 },
      { stuck: { partitioned: 4, hung: 0 } },
    );
    expect(nodeStatus(failing, trend).text).toBe('Stuck');
    // Some workers only: not Stuck (the inspector still says how many).
    expect(nodeStatus(frame(cut, { stuck: { partitioned: 0, hung: 3 } }), trend).text).toBe(
      'Saturated',
    );
    // A crash or a hang of the node itself still says so first.
    expect(nodeStatus({ ...all, hung: true }, trend).text).toBe('Hung');
    // A client: every request in flight lost, none answered.
    const users = frame(
      { busy: 0 },
      { capacity: 0, inFlight: 250, stuck: { partitioned: 250, hung: 0 } },
    );
    expect(nodeStatus(users).text).toBe('Stuck');
  });

  it('observes at most once per second of virtual time, and starts over when the clock goes back', () => {
    const f = frame({ queue: 5, utilization: 1 });
    const t1 = observe(EMPTY_TREND, f, 1000);
    expect(observe(t1, f, 1500)).toBe(t1);
    expect(observe(t1, frame({}, { window: null }), 5000)).toBe(t1);
    expect(observe(t1, f, 2000).recent).toHaveLength(2);
    expect(observe(observe(t1, f, 2000), f, 500).recent).toHaveLength(1);
  });

  it('every tone has its rule in words, for the legend and the tooltips', () => {
    for (const s of STATUS_WORDS) expect(statusRule(s.health)).toMatch(/\w{3,}/);
    expect(statusRule('slow')).toContain('5×');
    expect(statusRule('saturated')).toContain('3 seconds');
    expect(statusRule('stuck')).toContain('no timeout is set');
  });
});
