import type { NodeRuntime, NodeStateLabel, SimContext } from '../../engine/index.ts';
import {
  initialHealth,
  initialOutlier,
  initialRegistry,
  initialSelection,
  inRotation,
  timerGeneration,
  type OutlierState,
  type RegistryState,
  type SelectionState,
  type TargetHealth,
  type TimerGeneration,
} from '../kit/index.ts';
import type { LoadBalancerConfig } from './config.ts';

/** The load balancer's plain-data state; target i is the balancer's i-th outgoing edge. */
export interface LoadBalancerState {
  targets: number;
  selection: SelectionState;
  /** Calls this balancer has sent to each target and not yet had answered. */
  inFlight: number[];
  /** Cached: in rotation by every enabled section (health, outlier, discovery). */
  eligible: boolean[];
  health: TargetHealth[] | null;
  outlier: OutlierState | null;
  registry: RegistryState | null;
  /** The sections' periodic timers; a config change cancels them and starts new ones. */
  timers: TimerGeneration;
  /** Node-level state time (the charts' state strip) is counted up to here (µs). */
  accountedUs: number;
  /** Per-target status time is counted up to here (µs), at ticks and status changes. */
  targetsAccountedUs: number;
}

export type LbNode = NodeRuntime<LoadBalancerConfig, LoadBalancerState>;

export const STATE_ALL = { text: 'ALL HEALTHY', tone: 'ok' } as const;
export const STATE_SOME = { text: 'SOME OUT', tone: 'warn' } as const;
export const STATE_NONE = { text: 'NONE HEALTHY', tone: 'bad' } as const;

export function initialState(ctx: SimContext, node: LbNode): LoadBalancerState {
  const n = ctx.outEdges(node.index).length;
  const c = node.config;
  const st: LoadBalancerState = {
    targets: n,
    selection: initialSelection(n),
    inFlight: new Array<number>(n).fill(0),
    eligible: new Array<boolean>(n).fill(true),
    health: c.healthCheck ? Array.from({ length: n }, initialHealth) : null,
    outlier: c.outlierDetection ? initialOutlier(n) : null,
    // Instances register at start (`start`), so the registry begins empty.
    registry: c.discovery ? initialRegistry(n) : null,
    timers: timerGeneration(),
    accountedUs: ctx.nowUs,
    targetsAccountedUs: ctx.nowUs,
  };
  refreshEligible(st);
  return st;
}

export function refreshEligible(st: LoadBalancerState): void {
  for (let i = 0; i < st.targets; i++) {
    const h = st.health?.[i];
    const o = st.outlier?.hosts[i];
    const r = st.registry?.instances[i];
    st.eligible[i] = (!h || inRotation(h)) && (!o || !o.ejected) && (!r || r.registered);
  }
}

export function eligibleCount(st: LoadBalancerState): number {
  let n = 0;
  for (const ok of st.eligible) if (ok) n++;
  return n;
}

function degradedCount(st: LoadBalancerState): number {
  let n = 0;
  if (st.health) for (const h of st.health) if (h.status === 'degraded') n++;
  return n;
}

export function stateLabel(st: LoadBalancerState): NodeStateLabel {
  if (st.targets === 0) return { text: 'NO TARGETS', tone: 'bad' };
  const ok = eligibleCount(st);
  const degraded = degradedCount(st);
  const text = `${ok}/${st.targets} healthy${degraded > 0 ? `, ${degraded} degraded` : ''}`;
  const tone = ok === 0 ? 'bad' : ok < st.targets || degraded > 0 ? 'warn' : 'ok';
  return { text, tone };
}

/** Counts the node-level state time since the last event (call before any change). */
export function accountNode(ctx: SimContext, node: LbNode): void {
  const st = node.state;
  const elapsedMs = (ctx.nowUs - st.accountedUs) / 1000;
  st.accountedUs = ctx.nowUs;
  if (elapsedMs <= 0 || st.targets === 0) return;
  const ok = eligibleCount(st);
  const metric =
    ok === st.targets ? 'state.allHealthyMs' : ok === 0 ? 'state.noneHealthyMs' : 'state.someOutMs';
  ctx.count(node.index, metric, elapsedMs);
}

const HEALTH_TIME = { up: 'upMs', degraded: 'degradedMs', down: 'downMs' } as const;

/**
 * Counts each target's time per status since the last count (call before any status change
 * and at every tick): summed over targets in `health.upMs` …, `ejectedMs`, `unregisteredMs`,
 * and per target in `health.<target>.upMs` … so each target's status timeline adds up.
 */
export function accountTargets(ctx: SimContext, node: LbNode): void {
  const st = node.state;
  const elapsedMs = (ctx.nowUs - st.targetsAccountedUs) / 1000;
  st.targetsAccountedUs = ctx.nowUs;
  if (elapsedMs <= 0) return;
  const edges = ctx.outEdges(node.index);
  for (let i = 0; i < st.targets; i++) {
    const h = st.health?.[i];
    if (h) {
      const suffix = HEALTH_TIME[h.status];
      ctx.count(node.index, `health.${suffix}`, elapsedMs);
      const id = ctx.nodeId(ctx.edgeTarget(edges[i] as number));
      ctx.count(node.index, `health.${id}.${suffix}`, elapsedMs);
    }
    if (st.outlier?.hosts[i]?.ejected) ctx.count(node.index, 'ejectedMs', elapsedMs);
    const r = st.registry?.instances[i];
    if (r && !r.registered) ctx.count(node.index, 'unregisteredMs', elapsedMs);
  }
}
