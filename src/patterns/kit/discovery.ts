import { z } from 'zod';
import type { NodeFaultState } from '../../engine/index.ts';

/**
 * A service registry with heartbeats and TTL leases (docs/patterns.md, R10), as pure functions over
 * plain data — the Eureka / Consul-TTL model:
 *
 * - A heartbeat from an unregistered instance registers it (startup, or back after a crash);
 *   from a registered one it renews the lease.
 * - A graceful shutdown deregisters the instance at once.
 * - An instance that stops heartbeating without deregistering (a crash) keeps its entry until
 *   `ttlMs` after its last heartbeat, when `expire` removes it.
 */

export const discoveryConfigSchema = z
  .strictObject({
    heartbeatMs: z.number().positive().default(10_000),
    ttlMs: z.number().positive().default(30_000),
  })
  .refine((c) => c.ttlMs > c.heartbeatMs, {
    path: ['ttlMs'],
    error: 'must be longer than heartbeatMs (or live instances expire between heartbeats)',
  });
export type DiscoveryConfig = z.infer<typeof discoveryConfigSchema>;

export interface Registration {
  registered: boolean;
  /** Time of the last heartbeat or registration (µs); -1 before the first. */
  lastHeartbeatUs: number;
}

export interface RegistryState {
  instances: Registration[];
}

export type RegistryEvent = 'registered' | 'deregistered' | 'expired';

export interface RegistryOutcome {
  next: RegistryState;
  event: RegistryEvent | null;
}

export function initialRegistry(instances: number): RegistryState {
  return {
    instances: Array.from({ length: instances }, () => ({
      registered: false,
      lastHeartbeatUs: -1,
    })),
  };
}

function replace(s: RegistryState, i: number, r: Registration): RegistryState {
  const instances = s.instances.slice();
  instances[i] = r;
  return { instances };
}

/** Instance `i` heartbeats (or registers, if the registry does not know it). */
export function heartbeat(s: RegistryState, i: number, nowUs: number): RegistryOutcome {
  const r = s.instances[i];
  if (!r) return { next: s, event: null };
  return {
    next: replace(s, i, { registered: true, lastHeartbeatUs: nowUs }),
    event: r.registered ? null : 'registered',
  };
}

/** Instance `i` shuts down gracefully and removes itself. */
export function deregister(s: RegistryState, i: number): RegistryOutcome {
  const r = s.instances[i];
  if (!r || !r.registered) return { next: s, event: null };
  return { next: replace(s, i, { ...r, registered: false }), event: 'deregistered' };
}

/** Removes every registered instance whose lease is over (`ttlMs` since its last heartbeat). */
export function expire(
  cfg: DiscoveryConfig,
  s: RegistryState,
  nowUs: number,
): { next: RegistryState; expired: number[] } {
  const ttlUs = cfg.ttlMs * 1000;
  const expired: number[] = [];
  s.instances.forEach((r, i) => {
    if (r.registered && nowUs - r.lastHeartbeatUs >= ttlUs) expired.push(i);
  });
  if (expired.length === 0) return { next: s, expired };
  const instances = s.instances.map((r, i) =>
    expired.includes(i) ? { ...r, registered: false } : r,
  );
  return { next: { instances }, expired };
}

/** When the earliest lease runs out (µs), or Infinity when nothing is registered. */
export function nextExpiryUs(cfg: DiscoveryConfig, s: RegistryState): number {
  let at = Infinity;
  for (const r of s.instances) {
    if (r.registered) at = Math.min(at, r.lastHeartbeatUs + cfg.ttlMs * 1000);
  }
  return at;
}

export type InstanceAction = 'heartbeat' | 'silent' | 'deregister';

/**
 * What an instance does at a heartbeat tick, from its live faults: a crashed or hung process
 * is silent (its lease runs out); one drained to zero capacity is shutting down gracefully and
 * deregisters; anything else heartbeats.
 */
export function instanceAction(f: NodeFaultState): InstanceAction {
  if (f.crashed || f.hung) return 'silent';
  if (f.capacityFactor === 0 || f.capacityWorkers === 0) return 'deregister';
  return 'heartbeat';
}
