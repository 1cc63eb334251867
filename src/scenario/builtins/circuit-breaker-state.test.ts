import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { BREAKER_FAULT_START_MS, circuitBreakerBuiltin } from './circuit-breaker.ts';

describe('circuit breaker state on the canvas', () => {
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
