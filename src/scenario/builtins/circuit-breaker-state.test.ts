import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { BREAKER_FAULT_START_MS, circuitBreakerBuiltin } from './circuit-breaker.ts';

/** One run of the circuit-breaker built-in: ≤ 420 ms here; each test runs one. */
const BUILTIN_RUN_MS = 800;

describe('circuit breaker state on the canvas', budget(1, BUILTIN_RUN_MS), () => {
  it('telemetry frames carry CLOSED before the outage and OPEN during it', () => {
    const sim = createSimulation(circuitBreakerBuiltin.build('with'), { registry: REGISTRY });
    const breakerId =
      circuitBreakerBuiltin.build('with').nodes.find((n) => n.kind === 'circuit-breaker')?.id ?? '';
    sim.advanceTo(BREAKER_FAULT_START_MS - 1000);
    const before = sim.drainFrame().nodes.find((n) => n.id === breakerId);
    expect(before?.state).toEqual({ text: 'CLOSED', tone: 'ok' });
    sim.advanceTo(BREAKER_FAULT_START_MS + 5000);
    const during = sim.drainFrame().nodes.find((n) => n.id === breakerId);
    expect(during?.state).toEqual({ text: 'OPEN', tone: 'bad' });
    // Kinds without state carry none.
    expect(sim.drainFrame().nodes.every((n) => n.id === breakerId || n.state === null)).toBe(true);
  });
});

describe(
  'circuit breaker state over time (the charts state strip)',
  budget(1, BUILTIN_RUN_MS),
  () => {
    it('records ms per state in every window: open through the outage, closed around it', () => {
      const sim = createSimulation(circuitBreakerBuiltin.build('with'), { registry: REGISTRY });
      sim.runToEnd();
      const view = sim.series('breaker', 'whole');
      const open = view.fields['metric:state.openMs'] ?? [];
      const closed = view.fields['metric:state.closedMs'] ?? [];
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const at = (sec: number) => view.startMs.findIndex((s) => s >= sec * 1000);
      // Windows add up to the counters (every ms accounted once).
      const m = sim.nodeDetail('breaker').metrics;
      expect(sum(open)).toBeCloseTo(m['state.openMs'] ?? 0, 3);
      expect(sum(closed)).toBeCloseTo(m['state.closedMs'] ?? 0, 3);
      expect(closed[at(10)]).toBeGreaterThan(900);
      expect(open[at(45)]).toBeGreaterThan(900);
      expect(closed[at(100)]).toBeGreaterThan(900);
      // Transitions are counted: opened, half-open and closed again at least once.
      expect(m['opened']).toBeGreaterThanOrEqual(1);
      expect(m['halfOpened']).toBeGreaterThanOrEqual(1);
      expect(m['closed']).toBeGreaterThanOrEqual(1);
    });
  },
);
