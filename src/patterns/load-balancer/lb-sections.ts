import type { SimContext } from '../../engine/index.ts';
import {
  armTimer,
  deregister,
  expire,
  heartbeat,
  instanceAction,
  nextExpiryUs,
  onOutcome,
  onProbe,
  onSweep,
  probeResult,
  type HealthStatus,
  type ProbedDependency,
  type RegistryOutcome,
} from '../kit/index.ts';
import { accountTargets, refreshEligible, type LbNode } from './lb-state.ts';

/**
 * The timer-driven sections of the load balancer: health probes, registry heartbeats and
 * lease expiry, outlier sweeps, and outlier bookkeeping on each response. Each applies a pure
 * machine's result to the node's state and turns its events into counters and traces.
 */

export const TAG_PROBE = 1;
export const TAG_SWEEP = 2;
export const TAG_HEARTBEAT = 3;
export const TAG_EXPIRY = 4;

function targetOf(ctx: SimContext, node: LbNode, i: number): number {
  return ctx.edgeTarget(ctx.outEdges(node.index)[i] as number);
}

function event(ctx: SimContext, node: LbNode, type: string, i: number, detail = ''): void {
  if (!ctx.tracing) return;
  const id = ctx.nodeId(targetOf(ctx, node, i));
  ctx.trace(node.index, type, undefined, undefined, detail ? `${id} ${detail}` : id);
}

/** Starts the periodic timers of every enabled section, one period from now. */
export function scheduleSections(ctx: SimContext, node: LbNode): void {
  const c = node.config;
  const timers = node.state.timers;
  if (c.healthCheck) armTimer(ctx, node.index, timers, c.healthCheck.intervalMs * 1000, TAG_PROBE);
  if (c.outlierDetection) {
    armTimer(ctx, node.index, timers, c.outlierDetection.intervalMs * 1000, TAG_SWEEP);
  }
  if (c.discovery) armTimer(ctx, node.index, timers, c.discovery.heartbeatMs * 1000, TAG_HEARTBEAT);
}

/** A target's own dependencies: its outgoing edges; `required` edges are critical. */
function dependenciesOf(ctx: SimContext, target: number): ProbedDependency[] {
  return ctx.outEdges(target).map((e) => ({
    faults: ctx.faults(ctx.edgeTarget(e)),
    critical: ctx.edgeConfig(e).required,
  }));
}

const MARKED: Record<HealthStatus, string> = {
  up: 'markedUp',
  degraded: 'markedDegraded',
  down: 'markedDown',
};

/** One round of health probes, one per target. */
export function probeTargets(ctx: SimContext, node: LbNode): void {
  const cfg = node.config.healthCheck;
  const st = node.state;
  if (!cfg || !st.health) return;
  accountTargets(ctx, node);
  const stream = ctx.rng(node.index, 'health-probes');
  const next = () => stream.next();
  const timeoutUs = cfg.timeoutMs * 1000;
  let changed = false;
  for (let i = 0; i < st.targets; i++) {
    const target = targetOf(ctx, node, i);
    const deps = cfg.checkDependencies ? dependenciesOf(ctx, target) : [];
    const result = probeResult(ctx.faults(target), deps, timeoutUs, next);
    ctx.count(node.index, 'probes');
    if (result === 'fail') ctx.count(node.index, 'probeFailures');
    const r = onProbe(cfg, st.health[i] as (typeof st.health)[number], result);
    st.health[i] = r.next;
    if (r.transition) {
      changed = true;
      ctx.count(node.index, MARKED[r.transition]);
      event(ctx, node, `health.${r.transition}`, i);
    }
  }
  if (changed) refreshEligible(st);
}

const REGISTRY_METRIC = {
  registered: 'registrations',
  deregistered: 'deregistrations',
  expired: 'expirations',
} as const;

function applyRegistry(ctx: SimContext, node: LbNode, i: number, r: RegistryOutcome): void {
  node.state.registry = r.next;
  if (!r.event) return;
  ctx.count(node.index, REGISTRY_METRIC[r.event]);
  event(ctx, node, `discovery.${r.event}`, i);
}

/** Removes the instances whose lease ran out by now. */
export function expireLeases(ctx: SimContext, node: LbNode): void {
  const cfg = node.config.discovery;
  const st = node.state;
  if (!cfg || !st.registry) return;
  accountTargets(ctx, node);
  const r = expire(cfg, st.registry, ctx.nowUs);
  st.registry = r.next;
  for (const i of r.expired) {
    ctx.count(node.index, 'expirations');
    event(ctx, node, 'discovery.expired', i);
  }
  if (r.expired.length > 0) refreshEligible(st);
}

/**
 * A heartbeat tick: every live instance heartbeats (registering if unknown), a drained one
 * deregisters, a crashed or hung one stays silent; then expired leases go. When a lease runs
 * out before the next tick, an expiry timer removes it on time.
 */
export function heartbeatTick(ctx: SimContext, node: LbNode): void {
  const cfg = node.config.discovery;
  const st = node.state;
  if (!cfg || !st.registry) return;
  accountTargets(ctx, node);
  for (let i = 0; i < st.targets; i++) {
    const action = instanceAction(ctx.faults(targetOf(ctx, node, i)));
    if (action === 'heartbeat') {
      ctx.count(node.index, 'heartbeats');
      applyRegistry(ctx, node, i, heartbeat(st.registry, i, ctx.nowUs));
    } else if (action === 'deregister') {
      applyRegistry(ctx, node, i, deregister(st.registry, i));
    }
  }
  expireLeases(ctx, node);
  refreshEligible(st);
  scheduleExpiry(ctx, node);
}

/** Sets an expiry timer when a lease runs out before the next heartbeat tick. */
function scheduleExpiry(ctx: SimContext, node: LbNode): void {
  const cfg = node.config.discovery;
  const st = node.state;
  if (!cfg || !st.registry) return;
  const expiryUs = nextExpiryUs(cfg, st.registry);
  if (expiryUs < ctx.nowUs + cfg.heartbeatMs * 1000) {
    armTimer(ctx, node.index, st.timers, Math.max(0, expiryUs - ctx.nowUs), TAG_EXPIRY);
  }
}

/** An outlier sweep: re-admits hosts whose ejection is over. */
export function sweepOutliers(ctx: SimContext, node: LbNode): void {
  const st = node.state;
  if (!st.outlier) return;
  accountTargets(ctx, node);
  const r = onSweep(st.outlier, ctx.nowUs);
  st.outlier = r.next;
  for (const i of r.readmitted) {
    ctx.count(node.index, 'readmissions');
    event(ctx, node, 'outlier.readmitted', i);
  }
  if (r.readmitted.length > 0) refreshEligible(st);
}

/** The response from target `i` arrived (`cause` null for a success): feed outlier detection. */
export function observeOutcome(
  ctx: SimContext,
  node: LbNode,
  i: number,
  cause: string | null,
): void {
  const cfg = node.config.outlierDetection;
  const st = node.state;
  if (!cfg || !st.outlier) return;
  const r = onOutcome(cfg, st.outlier, i, cause, ctx.nowUs, ctx);
  if (r.event === 'ejected') accountTargets(ctx, node);
  st.outlier = r.next;
  if (r.event === 'ejected') {
    ctx.count(node.index, 'ejections');
    event(ctx, node, 'outlier.ejected', i, `for ${r.ejectionMs} ms`);
    refreshEligible(st);
  } else if (r.event === 'ejection-skipped') {
    ctx.count(node.index, 'ejectionsSkipped');
    event(ctx, node, 'outlier.ejection-skipped', i);
  }
}
