import type { NodeFaultState } from '../../engine/index.ts';
import type { ProbeResult } from './health-machine.ts';
import type { Uniform } from './uniform.ts';

/**
 * What a health probe of one target would see, derived from the live fault state of the
 * target and of its dependencies instead of a real call: probes then never count as traffic,
 * never take a worker and never disturb conservation. A component fails its probe when it is
 * crashed (refused), hung (no answer before the probe timeout), has no capacity (the probe
 * never gets a worker), adds more latency than the probe timeout, or — with probability r —
 * under an error-rate fault of rate r. A latency multiplier alone does not fail a probe: a
 * health endpoint does almost no work, and a multiplier scales work.
 */

export interface ProbedDependency {
  faults: NodeFaultState;
  /** A failed critical dependency makes the target DOWN, a non-critical one DEGRADED. */
  critical: boolean;
}

export function componentFails(f: NodeFaultState, timeoutUs: number, next: Uniform): boolean {
  if (f.crashed || f.hung) return true;
  if (f.capacityFactor === 0 || f.capacityWorkers === 0) return true;
  if (f.addLatencyUs > timeoutUs) return true;
  if (f.errorRate >= 1) return true;
  return f.errorRate > 0 && next() < f.errorRate;
}

/**
 * The probe result for a target: `fail` if the target or a critical dependency fails, `warn`
 * if only non-critical ones do, `pass` otherwise. Dependencies are checked in order and a
 * critical failure ends the probe (later dependencies draw nothing).
 */
export function probeResult(
  target: NodeFaultState,
  dependencies: readonly ProbedDependency[],
  timeoutUs: number,
  next: Uniform,
): ProbeResult {
  if (componentFails(target, timeoutUs, next)) return 'fail';
  let result: ProbeResult = 'pass';
  for (const d of dependencies) {
    if (!componentFails(d.faults, timeoutUs, next)) continue;
    if (d.critical) return 'fail';
    result = 'warn';
  }
  return result;
}
