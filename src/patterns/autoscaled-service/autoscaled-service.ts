import { z } from 'zod';
import {
  cachedDerived,
  compileDistribution,
  counted,
  createPoolHandlers,
  effectiveCapacity,
  poolWords,
  QUEUED_METRIC,
  serviceConfigSchema,
  type KindDefinition,
  type NodeRuntime,
  type NodeStateLabel,
  type PoolState,
  type RandomStream,
  type SimContext,
} from '../../engine/index.ts';
import {
  autoscalingSchema,
  evaluate,
  initialScaler,
  provisioned,
  provisioningCount,
  reconcile,
  type ScalerState,
} from './machine.ts';
import {
  armTimer,
  cancelTimers,
  counter,
  isCurrentTimer,
  ratio,
  timerGeneration,
  type TimerGeneration,
} from '../kit/index.ts';

export const autoscaledServiceConfigSchema = z.strictObject({
  workersPerInstance: z.number().int().min(1).max(1000).default(4),
  ...serviceConfigSchema.omit({ workers: true }).shape,
  autoscaling: autoscalingSchema.prefault({}),
});
export type AutoscaledServiceConfig = z.infer<typeof autoscaledServiceConfigSchema>;

export interface AutoscaledServiceState extends PoolState {
  scaler: ScalerState;
  /** ∫ busy workers, worker capacity and serving instances dt since the last evaluation (·µs). */
  busyAreaUs: number;
  capacityAreaUs: number;
  instanceAreaUs: number;
  /** When the current evaluation interval began (µs). */
  intervalStartUs: number;
  /** Time up to which the areas and `instanceMs` have been counted (µs). */
  accountedUs: number;
  /** Utilization measured at the last evaluation (0 before the first). */
  lastUtilization: number;
  /** Largest number of serving instances so far. */
  maxReady: number;
  /** The evaluation timer; editing the interval cancels it and starts a new one. */
  evaluation: TimerGeneration;
}

type N = NodeRuntime<AutoscaledServiceConfig, AutoscaledServiceState>;

const TAG_EVALUATE = 10;
const TAG_READY = 11;

interface Derived {
  sample: (rng: RandomStream) => number;
  stream: RandomStream;
}

// The stream is named like a plain service's, so a fixed-size `service` with the same id
// (the honest "without") draws the very same service times.
function buildDerived(
  ctx: SimContext,
  node: NodeRuntime<AutoscaledServiceConfig, PoolState>,
): Derived {
  return {
    sample: compileDistribution(node.config.serviceTime),
    stream: ctx.rng(node.index, 'service-time'),
  };
}

const pool = createPoolHandlers<AutoscaledServiceConfig>({
  workTimeUs(ctx, node) {
    const d = cachedDerived(ctx, node, buildDerived);
    return d.sample(d.stream);
  },
  workers: (c, node) => (node.state as AutoscaledServiceState).scaler.ready * c.workersPerInstance,
  callsDownstream: true,
  callOrder: (c) => c.callOrder,
  callMode: (c) => c.callMode,
});

/** Integrates busy workers, capacity and instance-time since the last event at this node. */
function account(ctx: SimContext, node: N): void {
  const st = node.state;
  const dt = ctx.nowUs - st.accountedUs;
  if (dt <= 0) return;
  const ready = st.scaler.ready;
  st.busyAreaUs += (st.active.length / 2) * dt;
  st.capacityAreaUs +=
    effectiveCapacity(ctx, node.index, ready * node.config.workersPerInstance) * dt;
  st.instanceAreaUs += ready * dt;
  ctx.count(node.index, 'instanceMs', (ready * dt) / 1000);
  st.accountedUs = ctx.nowUs;
}

function scheduleEvaluation(ctx: SimContext, node: N): void {
  const delayUs = node.config.autoscaling.evaluationIntervalMs * 1000;
  armTimer(ctx, node.index, node.state.evaluation, delayUs, TAG_EVALUATE);
}

/** Serving instances changed by `delta`: the `instances` gauge-counter and the maximum. */
function readyChanged(ctx: SimContext, node: N, delta: number): void {
  const st = node.state;
  if (delta !== 0) ctx.count(node.index, 'instances', delta);
  if (st.scaler.ready > st.maxReady) {
    ctx.count(node.index, 'maxInstances', st.scaler.ready - st.maxReady);
    st.maxReady = st.scaler.ready;
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function onEvaluate(ctx: SimContext, node: N): void {
  const st = node.state;
  account(ctx, node);
  const capacityAreaUs = st.capacityAreaUs;
  const utilization = capacityAreaUs > 0 ? st.busyAreaUs / capacityAreaUs : 0;
  const spanUs = ctx.nowUs - st.intervalStartUs;
  const instances = spanUs > 0 ? st.instanceAreaUs / spanUs : st.scaler.ready;
  st.busyAreaUs = 0;
  st.capacityAreaUs = 0;
  st.instanceAreaUs = 0;
  st.intervalStartUs = ctx.nowUs;
  st.lastUtilization = utilization;
  scheduleEvaluation(ctx, node);
  // No capacity at all (a capacity fault of 0) measured nothing: no decision.
  if (capacityAreaUs === 0) return;
  const cfg = node.config.autoscaling;
  const { next, decision } = evaluate(cfg, st.scaler, { utilization, instances }, ctx.nowUs);
  st.scaler = next;
  if (decision.action === 'up') {
    ctx.count(node.index, 'scaleUps');
    ctx.count(node.index, 'instancesAdded', decision.add);
    ctx.setTimer(node.index, cfg.provisioningDelayMs * 1000, TAG_READY, null);
    if (ctx.tracing) {
      const detail = `+${decision.add} → ${decision.desired} (utilization ${pct(utilization)})`;
      ctx.trace(node.index, 'autoscaler.scale-up', undefined, undefined, detail);
    }
  } else if (decision.action === 'down') {
    ctx.count(node.index, 'scaleDowns');
    ctx.count(node.index, 'instancesRemoved', decision.remove);
    readyChanged(ctx, node, -decision.remove);
    if (ctx.tracing) {
      const detail = `−${decision.remove} → ${decision.desired} (utilization ${pct(utilization)})`;
      ctx.trace(node.index, 'autoscaler.scale-down', undefined, undefined, detail);
    }
    // Fewer workers: the pool starts nothing new until the surplus calls finish (drain).
    pool.onConfigChange(ctx, node);
  }
}

function onReady(ctx: SimContext, node: N): void {
  account(ctx, node);
  const { next, added } = provisioned(node.state.scaler, ctx.nowUs);
  node.state.scaler = next;
  if (added === 0) return;
  readyChanged(ctx, node, added);
  if (ctx.tracing) {
    const detail = `+${added} → ${next.ready} serving`;
    ctx.trace(node.index, 'autoscaler.ready', undefined, undefined, detail);
  }
  // The pool's config-change handler re-reads capacity: queued calls start on the new workers.
  pool.onConfigChange(ctx, node);
}

function label(node: N): NodeStateLabel {
  const s = node.state.scaler;
  const words = `${s.ready} instance${s.ready === 1 ? '' : 's'}`;
  const starting = provisioningCount(s);
  if (starting > 0) return { text: `${words} (+${starting} starting)`, tone: 'warn' };
  const cfg = node.config.autoscaling;
  if (s.ready >= cfg.maxInstances && node.state.lastUtilization > cfg.targetUtilization) {
    return { text: `${words} (max)`, tone: 'bad' };
  }
  return { text: words, tone: 'ok' };
}

export const autoscaledServiceKind: KindDefinition<
  AutoscaledServiceConfig,
  AutoscaledServiceState
> = {
  kind: 'autoscaled-service',
  label: 'Autoscaled service',
  category: 'compute',
  description:
    'A service whose worker pool is instances × workersPerInstance, resized by an autoscaler. Every evaluationIntervalMs it measures the utilization of the last interval: above targetUtilization it starts ceil(instances × utilization ÷ target) − (serving + starting) new instances, which serve after provisioningDelayMs; below scaleDownUtilization (nothing starting, cooldownMs after the last scaling action) it removes instances down to that figure. Always within minInstances…maxInstances. Removed instances finish their running calls (drain). Otherwise it behaves like a service: FIFO queue, sampled service time, downstream calls.',
  configSchema: autoscaledServiceConfigSchema,
  // Its pool at the most it can scale to: "up to 10 instances of 4 workers, no queue limit".
  describeLoad: (c) => {
    const pool = poolWords(c.workersPerInstance, 'worker', c.queueCapacity);
    return {
      ...pool,
      setting: `up to ${counted(c.autoscaling.maxInstances, 'instance')} of ${pool.setting}`,
    };
  },
  metrics: [
    { name: 'instances', label: 'Serving instances', unit: 'count' },
    { name: 'maxInstances', label: 'Most instances serving', unit: 'count' },
    { name: 'instanceMs', label: 'Instance-time', unit: 'ms' },
    { name: 'scaleUps', label: 'Scale-ups', unit: 'count' },
    { name: 'scaleDowns', label: 'Scale-downs', unit: 'count' },
    { name: 'instancesAdded', label: 'Instances started', unit: 'count' },
    { name: 'instancesRemoved', label: 'Instances removed', unit: 'count' },
    QUEUED_METRIC,
  ],
  init(ctx, node) {
    return {
      ...pool.init(),
      scaler: initialScaler(node.config.autoscaling),
      busyAreaUs: 0,
      capacityAreaUs: 0,
      instanceAreaUs: 0,
      intervalStartUs: ctx.nowUs,
      accountedUs: ctx.nowUs,
      lastUtilization: 0,
      maxReady: 0,
      evaluation: timerGeneration(),
    };
  },
  start(ctx, node) {
    readyChanged(ctx, node, node.state.scaler.ready);
    pool.onConfigChange(ctx, node);
    scheduleEvaluation(ctx, node);
  },
  onCall(ctx, node, call) {
    account(ctx, node);
    pool.onCall(ctx, node, call);
  },
  onResponse(ctx, node, call) {
    account(ctx, node);
    pool.onResponse(ctx, node, call);
  },
  onTimer(ctx, node, tag, call) {
    if (tag === TAG_EVALUATE) {
      if (isCurrentTimer(ctx, node.state.evaluation)) onEvaluate(ctx, node);
    } else if (tag === TAG_READY) {
      onReady(ctx, node);
    } else {
      account(ctx, node);
      pool.onTimer(ctx, node, tag, call);
    }
  },
  onFaultChange(ctx, node) {
    account(ctx, node);
    pool.onFaultChange(ctx, node);
  },
  onConfigChange(ctx, node, previous) {
    account(ctx, node);
    const cfg = node.config.autoscaling;
    const r = reconcile(cfg, node.state.scaler, ctx.nowUs);
    node.state.scaler = r.next;
    if (r.removed > 0) readyChanged(ctx, node, -r.removed);
    if (r.added > 0) ctx.setTimer(node.index, cfg.provisioningDelayMs * 1000, TAG_READY, null);
    if (cfg.evaluationIntervalMs !== previous.autoscaling.evaluationIntervalMs) {
      cancelTimers(node.state.evaluation);
      scheduleEvaluation(ctx, node);
    }
    pool.onConfigChange(ctx, node);
  },
  stateLabel: label,
  report(f) {
    return {
      meanInstances: ratio(counter(f, 'instanceMs'), f.elapsedMs),
      maxInstances: counter(f, 'maxInstances'),
      scaleUps: counter(f, 'scaleUps'),
      scaleDowns: counter(f, 'scaleDowns'),
    };
  },
};
