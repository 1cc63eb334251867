import { describe, expect, it } from 'vitest';
import { createSimulation, type SimFault, type TraceEvent } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { circuitBreakerKind } from './circuit-breaker.ts';

/**
 * Client "c" (constant 10/s: requests at 0, 100, … 9900 ms) → breaker "b" → service "s"
 * (1 worker, constant 10 ms), for 10 s; the breaker's config is edited live.
 */
function setup(breaker: Record<string, unknown>, faults: SimFault[]) {
  const nodes: NodeSpec[] = [
    { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
    { id: 'b', kind: 'circuit-breaker', config: breaker },
    { id: 's', kind: 'service', config: { serviceTime: { type: 'constant', valueMs: 10 } } },
  ];
  const spec = {
    seed: 3,
    durationMs: 10_000,
    nodes,
    edges: [
      { source: 'c', target: 'b' },
      { source: 'b', target: 's' },
    ],
    faults,
  };
  const events: TraceEvent[] = [];
  const sim = createSimulation(buildScenario(spec, REGISTRY), {
    registry: REGISTRY,
    trace: (e) => {
      if (e.type.startsWith('breaker.')) events.push(e);
    },
  });
  const transitions = () => events.map((e) => `${e.type}@${e.timeUs / 1000}`);
  const label = () => sim.drainFrame().nodes.find((n) => n.id === 'b')?.state;
  const edit = (config: Record<string, unknown>) =>
    expect(sim.patch({ type: 'node-config', nodeId: 'b', config })).toEqual({ ok: true });
  return { sim, transitions, label, edit };
}

const crash = (startMs: number, durationMs: number): SimFault => ({
  id: 'crash',
  type: 'crash',
  target: 's',
  startMs,
  durationMs,
});

describe('circuit-breaker kind: forcedState as a live toggle', () => {
  it('forced-open rejects everything, disabled admits everything and never trips, none restarts CLOSED', () => {
    // The service is down 5020–7520 ms, while the breaker is DISABLED.
    const { sim, transitions, label, edit } = setup({}, [crash(5020, 2500)]);
    sim.advanceTo(2050);
    expect(label()).toEqual({ text: 'CLOSED', tone: 'ok' });
    edit({ forcedState: 'forced-open' });
    expect(label()).toEqual({ text: 'FORCED OPEN', tone: 'bad' });
    sim.advanceTo(5050);
    // Calls at 2100 … 5000 (30) failed fast; none reached the service; no wait ends it.
    expect(sim.nodeDetail('b').failed).toEqual({ 'circuit-open': 30 });
    expect(sim.nodeDetail('s').arrivals).toBe(21);
    edit({ forcedState: 'disabled' });
    expect(label()).toEqual({ text: 'DISABLED', tone: 'warn' });
    sim.advanceTo(8050);
    // Calls at 5100 … 7500 (25) were refused, far beyond failureThreshold (5): still DISABLED.
    expect(sim.nodeDetail('b').failed).toEqual({ 'circuit-open': 30, refused: 25 });
    expect(sim.nodeDetail('s').arrivals).toBe(21 + 30);
    expect(label()).toEqual({ text: 'DISABLED', tone: 'warn' });
    edit({ forcedState: 'none' });
    expect(label()).toEqual({ text: 'CLOSED', tone: 'ok' });
    sim.runToEnd();
    expect(sim.conservation().ok).toBe(true);

    const b = sim.nodeDetail('b');
    expect(b).toMatchObject({ arrivals: 100, ok: 45 });
    expect(transitions()).toEqual([
      'breaker.forced-open@2050',
      'breaker.disabled@5050',
      'breaker.closed@8050',
    ]);
    expect(b.metrics).toMatchObject({
      rejected: 30,
      forcedOpened: 1,
      disabled: 1,
      closed: 1,
      'state.closedMs': 2050 + (9910 - 8050),
      'state.forcedOpenMs': 3000,
      'state.disabledMs': 3000,
    });
    expect(b.metrics['opened'] ?? 0).toBe(0);
    const report = circuitBreakerKind.report?.({ ...b, completed: 100, elapsedMs: 10_000 });
    expect(report).toMatchObject({ forcedOpenShare: 3000 / 9910, disabledShare: 3000 / 9910 });
    expect(report?.['transitions']).toBe(3);
  });

  it('the chart state strip gets the ms of each manual state per window', () => {
    const { sim, edit } = setup({ forcedState: 'forced-open' }, []);
    sim.advanceTo(4000);
    edit({ forcedState: 'disabled' });
    sim.runToEnd();
    const view = sim.series('b', 'whole');
    const sum = (f: string) => (view.fields[`metric:${f}`] ?? []).reduce((a, x) => a + x, 0);
    // Starts FORCED OPEN (no transition at start): 0–4000; then DISABLED up to 9910.
    expect(sum('state.forcedOpenMs')).toBeCloseTo(4000, 3);
    expect(sum('state.disabledMs')).toBeCloseTo(5910, 3);
    // advanceTo(4000) handles the call at 4000 before the edit: 41 calls failed fast.
    expect(sim.nodeDetail('b').failed).toEqual({ 'circuit-open': 41 });
    const spec = circuitBreakerKind.metrics.find((m) => m.name === 'state.disabledMs');
    expect(spec?.state).toEqual({ text: 'DISABLED', tone: 'warn' });
  });
});

describe('circuit-breaker kind: automatic transition and the rate decision', () => {
  // Down 0–1000 ms: the 5th refusal (at 400) opens it; the wait is 2050 ms.
  const base = { waitDurationInOpenMs: 2050 };
  it('without the option, HALF_OPEN starts with the next call after the wait (2500)', () => {
    const { sim, transitions } = setup(base, [crash(0, 1000)]);
    sim.runToEnd();
    expect(transitions()).toEqual([
      'breaker.opened@400',
      'breaker.half-open@2500',
      'breaker.closed@2710',
    ]);
  });

  it('with it, a timer moves it to HALF_OPEN exactly when the wait elapses (2450)', () => {
    const { sim, transitions } = setup({ ...base, automaticTransitionToHalfOpen: true }, [
      crash(0, 1000),
    ]);
    sim.runToEnd();
    expect(transitions()).toEqual([
      'breaker.opened@400',
      'breaker.half-open@2450',
      'breaker.closed@2710',
    ]);
    expect(sim.nodeDetail('b').metrics['state.openMs']).toBe(2050);
  });

  it('turned on live while OPEN, the timer is armed for the rest of the wait', () => {
    const { sim, transitions, edit } = setup(base, [crash(0, 1000)]);
    sim.advanceTo(1000);
    edit({ automaticTransitionToHalfOpen: true });
    sim.runToEnd();
    expect(transitions()).toContain('breaker.half-open@2450');
  });

  it('"rate" (default) decides after all 3 probes (2500, 2600, 2700 → CLOSED at 2710); "first-failure" after 2 good ones (2610)', () => {
    const { sim, transitions } = setup({ ...base, halfOpenDecision: 'first-failure' }, [
      crash(0, 1000),
    ]);
    sim.runToEnd();
    expect(transitions()).toEqual([
      'breaker.opened@400',
      'breaker.half-open@2500',
      'breaker.closed@2610',
    ]);
    expect(sim.conservation().ok).toBe(true);
  });
});
