import type { NodeRuntime, SimContext } from '../../engine/index.ts';
import {
  armTimer,
  cancelTimers,
  ejectedCount,
  onOutcome,
  onSweep,
  timerGeneration,
  type AttemptState,
  type TimerGeneration,
} from '../kit/index.ts';
import type { SidecarConfig } from './config.ts';
import { initialRouting, type MeshRouting } from './machine.ts';

/** The sidecar's plain-data state; instance i is the sidecar's i-th outgoing edge. */
export interface SidecarState extends AttemptState {
  routing: MeshRouting;
  /**
   * Per waiting call (indexed by its id, a pool slot): the bit mask of the instances its
   * request has tried. Plain numbers, never longer than the most calls ever live at once.
   */
  tried: number[];
  /** The outlier sweep timer; a config change cancels it and starts a new one. */
  timers: TimerGeneration;
  /** State time (and instance-ms ejected) is counted up to here (µs). */
  accountedUs: number;
}

export type SidecarNode = NodeRuntime<SidecarConfig, SidecarState>;

export const TAG_SWEEP = 3;

export const STATE_ALL_IN = { text: 'ALL IN ROTATION', tone: 'ok' } as const;
export const STATE_SOME_OUT = { text: 'SOME EJECTED', tone: 'warn' } as const;
export const STATE_NONE_IN = { text: 'NONE IN ROTATION', tone: 'bad' } as const;

export function initialSidecar(ctx: SimContext, node: SidecarNode): SidecarState {
  const targets = ctx.outEdges(node.index).length;
  return {
    routing: initialRouting(targets, node.config.outlierDetection !== null),
    tried: [],
    backingOff: 0,
    budget: null,
    timers: timerGeneration(),
    accountedUs: ctx.nowUs,
  };
}

function ejectedNow(st: SidecarState): number {
  return st.routing.outlier ? ejectedCount(st.routing.outlier) : 0;
}

/**
 * Counts the time since the last event: the node's state (all / some / none in rotation,
 * for the charts' state strip) and instance-ms spent ejected. Call before any change.
 */
export function account(ctx: SimContext, node: SidecarNode): void {
  const st = node.state;
  const elapsedMs = (ctx.nowUs - st.accountedUs) / 1000;
  st.accountedUs = ctx.nowUs;
  if (elapsedMs <= 0 || st.routing.targets === 0) return;
  const ejected = ejectedNow(st);
  const metric =
    ejected === 0
      ? 'state.allInMs'
      : ejected === st.routing.targets
        ? 'state.noneInMs'
        : 'state.someOutMs';
  ctx.count(node.index, metric, elapsedMs);
  if (ejected > 0) ctx.count(node.index, 'ejectedMs', elapsedMs * ejected);
}

function instanceEvent(ctx: SimContext, node: SidecarNode, type: string, i: number, detail = '') {
  if (!ctx.tracing) return;
  const id = ctx.nodeId(ctx.edgeTarget(ctx.outEdges(node.index)[i] as number));
  ctx.trace(node.index, type, undefined, undefined, detail ? `${id} ${detail}` : id);
}

/**
 * An attempt on instance `i` ended with `cause` (null for a success; an attempt timeout is
 * "timeout"): feed outlier detection, which counts only OUTLIER_5XX_CLASSES as 5xx.
 */
export function observe(ctx: SimContext, node: SidecarNode, i: number, cause: string | null): void {
  const cfg = node.config.outlierDetection;
  const r = node.state.routing;
  if (!cfg || !r.outlier) return;
  const o = onOutcome(cfg, r.outlier, i, cause, ctx.nowUs, ctx);
  node.state.routing = { ...r, outlier: o.next };
  if (o.event === 'ejected') {
    ctx.count(node.index, 'ejections');
    instanceEvent(ctx, node, 'sidecar.ejected', i, `for ${o.ejectionMs} ms`);
  } else if (o.event === 'ejection-skipped') {
    ctx.count(node.index, 'ejectionsSkipped');
    instanceEvent(ctx, node, 'sidecar.ejection-skipped', i);
  }
}

/** The periodic sweep: re-admits instances whose ejection is over, then re-arms itself. */
export function sweep(ctx: SimContext, node: SidecarNode): void {
  const cfg = node.config.outlierDetection;
  const r = node.state.routing;
  if (!cfg || !r.outlier) return;
  const s = onSweep(r.outlier, ctx.nowUs);
  node.state.routing = { ...r, outlier: s.next };
  for (const i of s.readmitted) {
    ctx.count(node.index, 'readmissions');
    instanceEvent(ctx, node, 'sidecar.readmitted', i);
  }
  scheduleSweep(ctx, node);
}

export function scheduleSweep(ctx: SimContext, node: SidecarNode): void {
  const cfg = node.config.outlierDetection;
  if (!cfg) return;
  armTimer(ctx, node.index, node.state.timers, Math.round(cfg.intervalMs * 1000), TAG_SWEEP);
}

/** A live edit: outlier detection switched on starts fresh, switched off forgets ejections. */
export function reconfigure(ctx: SimContext, node: SidecarNode, previous: SidecarConfig): void {
  const st = node.state;
  const on = node.config.outlierDetection !== null;
  if (on !== (previous.outlierDetection !== null) || on !== (st.routing.outlier !== null)) {
    const fresh = initialRouting(st.routing.targets, on);
    st.routing = { ...st.routing, outlier: fresh.outlier };
  }
  cancelTimers(st.timers);
  scheduleSweep(ctx, node);
}
