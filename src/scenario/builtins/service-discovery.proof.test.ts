import { describe, expect, it } from 'vitest';
import { createSimulation, type NodeDetail } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  SD_CRASH_DURATION_MS,
  SD_CRASH_START_MS,
  serviceDiscoveryBuiltin,
} from './service-discovery.ts';

const failures = (d: NodeDetail) => Object.values(d.failed).reduce((a, b) => a + b, 0);
const CRASH_END_MS = SD_CRASH_START_MS + SD_CRASH_DURATION_MS;
/** Last heartbeat before the crash at 30 s, lease 30 s. */
const EXPIRY_MS = 60_000;

function run(variant: 'with' | 'without') {
  const events: string[] = [];
  const sim = createSimulation(serviceDiscoveryBuiltin.build(variant), {
    registry: REGISTRY,
    trace: (e) => {
      if (e.type.startsWith('discovery.') && e.timeUs > 0)
        events.push(`${e.type}@${e.timeUs / 1000} ${e.detail ?? ''}`);
    },
  });
  sim.advanceTo(EXPIRY_MS);
  const errorsUntilExpiry = failures(sim.nodeDetail('client'));
  const callsBefore = sim.nodeDetail('instance-2').arrivals;
  sim.advanceTo(CRASH_END_MS);
  const callsToDeadAfterExpiry = sim.nodeDetail('instance-2').arrivals - callsBefore;
  sim.runToEnd();
  const errorsAfterExpiry = failures(sim.nodeDetail('client')) - errorsUntilExpiry;
  return { sim, events, errorsUntilExpiry, errorsAfterExpiry, callsToDeadAfterExpiry };
}

describe('R10 proof: registry with heartbeats and TTL vs a static list, instance-2 crashes 35 s → 95 s', () => {
  const on = run('with');
  const off = run('without');

  it('the dead instance expires 30 s after its last heartbeat (at 60 s) and registers again at 100 s', () => {
    expect(on.events).toEqual([
      'discovery.expired@60000 instance-2',
      'discovery.registered@100000 instance-2',
    ]);
    expect(on.sim.nodeDetail('lb').metrics['unregisteredMs']).toBe(40_000);
  });

  it('traffic to it stops after the TTL: 0 calls from 60 s to 95 s vs 1765 without', () => {
    expect(on.callsToDeadAfterExpiry).toBe(0);
    expect(off.callsToDeadAfterExpiry).toBeGreaterThan(1500); // a third of 150 req/s for 35 s
  });

  it('errors only until the TTL (measured: 1254 refused, 35–60 s) vs the whole crash without (3019)', () => {
    expect(on.errorsUntilExpiry).toBe(off.errorsUntilExpiry); // identical until the lease ends
    expect(on.errorsUntilExpiry).toBeGreaterThan(1000);
    expect(on.errorsAfterExpiry).toBe(0);
    expect(off.errorsAfterExpiry).toBe(1765);
    expect(on.sim.nodeDetail('client').failed).toEqual({ refused: 1254 });
    expect(off.sim.nodeDetail('client').failed).toEqual({ refused: 3019 });
  });

  it('conservation holds in both runs, with the same traffic (measured: 18 100 requests each)', () => {
    expect(on.sim.conservation().ok).toBe(true);
    expect(off.sim.conservation().ok).toBe(true);
    expect(on.sim.nodeDetail('client').arrivals).toBe(off.sim.nodeDetail('client').arrivals);
    expect(off.events).toEqual([]);
  });
});
