import { z } from 'zod';
import { AS_PERCENT } from '../kit/index.ts';

/**
 * The autoscaler's decision over plain data (docs/patterns.md, R11), with no engine in sight.
 * Every function returns a new state and never mutates its input.
 *
 * Every `evaluationIntervalMs` the kind measures the last interval — its utilization (busy
 * worker-time ÷ worker capacity of the serving instances) and the serving instances averaged
 * over it — and calls `evaluate`. desired = ceil(instances × utilization ÷ target), clamped
 * to [min, max] (target tracking, as Kubernetes' HPA computes it; averaging the instances
 * keeps one that started serving at the very end of the interval from counting as loaded).
 *
 * - **Above `targetUtilization`**: scale up to desired. Instances already being
 *   provisioned count towards it; only the shortfall is started, and those instances serve
 *   after `provisioningDelayMs`. Scale-ups are not held by the cooldown: the provisioning
 *   delay already paces them, and a saturated service must not wait.
 * - **Below `scaleDownUtilization`**: with nothing provisioning, more than `minInstances`
 *   serving and `cooldownMs` elapsed since the last scaling action (up or down), it removes
 *   instances down to desired. A removed instance stops
 *   taking new work at once and finishes what it runs (drain): the kind never kills a call.
 * - Otherwise it holds (the band between the two thresholds damps flapping).
 */

export const autoscalingSchema = z
  .strictObject({
    minInstances: z.number().int().min(1).max(1000).default(2),
    maxInstances: z.number().int().min(1).max(1000).default(10),
    targetUtilization: z.number().gt(0).max(1).default(0.7).meta(AS_PERCENT),
    scaleDownUtilization: z.number().min(0).lt(1).default(0.35).meta(AS_PERCENT),
    cooldownMs: z.number().min(0).default(60_000),
    provisioningDelayMs: z.number().min(0).default(30_000),
    evaluationIntervalMs: z.number().min(100).default(10_000),
  })
  .refine((c) => c.maxInstances >= c.minInstances, {
    path: ['maxInstances'],
    error: 'must be ≥ minInstances',
  })
  .refine((c) => c.scaleDownUtilization < c.targetUtilization, {
    path: ['scaleDownUtilization'],
    error: 'must be < targetUtilization (the band between them stops flapping)',
  });
export type AutoscalingConfig = z.infer<typeof autoscalingSchema>;

export interface ProvisioningBatch {
  /** When these instances start serving (µs). */
  readyAtUs: number;
  count: number;
}

export interface ScalerState {
  /** Instances serving traffic. */
  ready: number;
  /** Instances being provisioned, in order of readiness. */
  provisioning: ProvisioningBatch[];
  /** When the scaler last scaled up or down (µs); null before its first action. */
  lastActionUs: number | null;
}

export type HoldReason = 'in-band' | 'at-max' | 'at-min' | 'provisioning' | 'cooldown';

export type ScalingDecision =
  | { action: 'up'; add: number; desired: number }
  | { action: 'down'; remove: number; desired: number }
  | { action: 'hold'; reason: HoldReason; desired: number };

export interface Evaluation {
  next: ScalerState;
  decision: ScalingDecision;
}

export function initialScaler(cfg: AutoscalingConfig): ScalerState {
  return { ready: cfg.minInstances, provisioning: [], lastActionUs: null };
}

export function provisioningCount(s: ScalerState): number {
  let n = 0;
  for (const b of s.provisioning) n += b.count;
  return n;
}

/** What the kind measured over the last evaluation interval. */
export interface IntervalLoad {
  /** Busy worker-time ÷ worker capacity (may pass 1 briefly while removed instances drain). */
  utilization: number;
  /** Serving instances, time-averaged over the interval. */
  instances: number;
}

/** Target tracking: the instances that would carry the measured load at the target, in bounds. */
export function desiredInstances(cfg: AutoscalingConfig, load: IntervalLoad): number {
  // The epsilon keeps 4 × 0.7 / 0.7 from becoming 4.000000001 → 5.
  const raw = Math.ceil((load.instances * load.utilization) / cfg.targetUtilization - 1e-9);
  return Math.min(cfg.maxInstances, Math.max(cfg.minInstances, raw));
}

/** One evaluation with the load measured over the last interval. */
export function evaluate(
  cfg: AutoscalingConfig,
  s: ScalerState,
  load: IntervalLoad,
  nowUs: number,
): Evaluation {
  const { utilization } = load;
  const desired = desiredInstances(cfg, load);
  const pending = provisioningCount(s);
  if (utilization > cfg.targetUtilization) {
    const total = s.ready + pending;
    if (desired <= total) {
      const reason = total >= cfg.maxInstances ? 'at-max' : 'provisioning';
      return { next: s, decision: { action: 'hold', reason, desired } };
    }
    const add = desired - total;
    const batch = { readyAtUs: nowUs + cfg.provisioningDelayMs * 1000, count: add };
    return {
      next: { ...s, provisioning: [...s.provisioning, batch], lastActionUs: nowUs },
      decision: { action: 'up', add, desired },
    };
  }
  if (utilization < cfg.scaleDownUtilization) {
    let reason: HoldReason | null = null;
    if (pending > 0) reason = 'provisioning';
    else if (s.ready <= cfg.minInstances) reason = 'at-min';
    else if (s.lastActionUs !== null && nowUs - s.lastActionUs < cfg.cooldownMs * 1000)
      reason = 'cooldown';
    else if (desired >= s.ready) reason = 'in-band';
    if (reason !== null) return { next: s, decision: { action: 'hold', reason, desired } };
    const remove = s.ready - desired;
    return {
      next: { ...s, ready: desired, lastActionUs: nowUs },
      decision: { action: 'down', remove, desired },
    };
  }
  return { next: s, decision: { action: 'hold', reason: 'in-band', desired } };
}

/** Batches due by `nowUs` start serving. */
export function provisioned(s: ScalerState, nowUs: number): { next: ScalerState; added: number } {
  let added = 0;
  const rest: ProvisioningBatch[] = [];
  for (const b of s.provisioning) {
    if (b.readyAtUs <= nowUs) added += b.count;
    else rest.push(b);
  }
  if (added === 0) return { next: s, added };
  return { next: { ...s, ready: s.ready + added, provisioning: rest }, added };
}

/**
 * The bounds were edited: over `maxInstances`, the latest batches are cancelled first, then
 * serving instances are removed (they drain); under `minInstances`, the shortfall starts
 * provisioning. Neither counts as a scaling action for the cooldown.
 */
export function reconcile(
  cfg: AutoscalingConfig,
  s: ScalerState,
  nowUs: number,
): { next: ScalerState; removed: number; added: number } {
  let ready = s.ready;
  let removed = 0;
  if (ready > cfg.maxInstances) {
    removed = ready - cfg.maxInstances;
    ready = cfg.maxInstances;
  }
  let room = cfg.maxInstances - ready;
  const provisioning: ProvisioningBatch[] = [];
  for (const b of s.provisioning) {
    const count = Math.min(b.count, room);
    room -= count;
    if (count > 0) provisioning.push(count === b.count ? b : { ...b, count });
  }
  const short = cfg.minInstances - ready - provisioning.reduce((n, b) => n + b.count, 0);
  const added = Math.max(0, short);
  if (added > 0)
    provisioning.push({ readyAtUs: nowUs + cfg.provisioningDelayMs * 1000, count: added });
  const unchanged =
    removed === 0 &&
    added === 0 &&
    provisioning.length === s.provisioning.length &&
    provisioning.every((b, i) => b === s.provisioning[i]);
  if (unchanged) return { next: s, removed, added };
  return { next: { ...s, ready, provisioning }, removed, added };
}
