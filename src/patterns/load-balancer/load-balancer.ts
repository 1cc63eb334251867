import {
  Cause,
  type KindDefinition,
  type MetricSpec,
  type SimContext,
} from '../../engine/index.ts';
import {
  armTimer,
  cancelTimers,
  counter,
  initialHealth,
  initialOutlier,
  initialRegistry,
  isCurrentTimer,
  NO_HEALTHY_TARGET,
  perArrival,
  ratio,
  relayAnswer,
  selectTarget,
} from '../kit/index.ts';
import { loadBalancerConfigSchema, type LoadBalancerConfig } from './config.ts';
import {
  accountNode,
  accountTargets,
  initialState,
  refreshEligible,
  STATE_ALL,
  STATE_NONE,
  STATE_SOME,
  stateLabel,
  type LbNode,
  type LoadBalancerState,
} from './lb-state.ts';
import {
  expireLeases,
  heartbeatTick,
  observeOutcome,
  probeTargets,
  scheduleSections,
  sweepOutliers,
  TAG_EXPIRY,
  TAG_HEARTBEAT,
  TAG_PROBE,
  TAG_SWEEP,
} from './lb-sections.ts';

const METRICS: readonly MetricSpec[] = [
  { name: 'noTarget', label: 'No healthy target', unit: 'count' },
  { name: 'state.allHealthyMs', label: 'Time all targets in', unit: 'ms', state: STATE_ALL },
  { name: 'state.someOutMs', label: 'Time some targets out', unit: 'ms', state: STATE_SOME },
  { name: 'state.noneHealthyMs', label: 'Time no target in', unit: 'ms', state: STATE_NONE },
  { name: 'probes', label: 'Health probes', unit: 'count' },
  { name: 'probeFailures', label: 'Failed probes', unit: 'count' },
  { name: 'markedDown', label: 'Targets marked DOWN', unit: 'count' },
  { name: 'markedUp', label: 'Targets marked UP', unit: 'count' },
  { name: 'markedDegraded', label: 'Targets marked DEGRADED', unit: 'count' },
  { name: 'health.upMs', label: 'Target time UP', unit: 'ms' },
  { name: 'health.degradedMs', label: 'Target time DEGRADED', unit: 'ms' },
  { name: 'health.downMs', label: 'Target time DOWN', unit: 'ms' },
  { name: 'ejections', label: 'Outlier ejections', unit: 'count' },
  { name: 'ejectionsSkipped', label: 'Ejections skipped (max %)', unit: 'count' },
  { name: 'readmissions', label: 'Re-admissions', unit: 'count' },
  { name: 'ejectedMs', label: 'Target time ejected', unit: 'ms' },
  { name: 'registrations', label: 'Registrations', unit: 'count' },
  { name: 'deregistrations', label: 'Deregistrations', unit: 'count' },
  { name: 'expirations', label: 'Leases expired', unit: 'count' },
  { name: 'heartbeats', label: 'Heartbeats', unit: 'count' },
  { name: 'unregisteredMs', label: 'Target time unregistered', unit: 'ms' },
];

/** Brings every section in line with a new config; timers restart one period from now. */
function reconfigure(ctx: SimContext, node: LbNode, previous: LoadBalancerConfig): void {
  const c = node.config;
  const st = node.state;
  accountTargets(ctx, node);
  cancelTimers(st.timers);
  if (!c.healthCheck) st.health = null;
  else if (!previous.healthCheck || !st.health)
    st.health = Array.from({ length: st.targets }, initialHealth);
  if (!c.outlierDetection) st.outlier = null;
  else if (!previous.outlierDetection || !st.outlier) st.outlier = initialOutlier(st.targets);
  if (!c.discovery) st.registry = null;
  else {
    if (!previous.discovery || !st.registry) st.registry = initialRegistry(st.targets);
    // Live instances heartbeat now (registering if new) and ticks restart from here, so the
    // lapsed tick costs no live instance its lease; a lease due before the next tick still
    // gets its own expiry timer.
    heartbeatTick(ctx, node);
  }
  refreshEligible(st);
  scheduleSections(ctx, node);
}

export const loadBalancerKind: KindDefinition<LoadBalancerConfig, LoadBalancerState> = {
  kind: 'load-balancer',
  label: 'Load balancer',
  category: 'routing',
  description:
    'Spreads calls over its outgoing edges (the instances) by strategy: round robin, random, least connections (fewest calls in flight from this balancer), power of two choices (two random targets, the less busy wins) or weighted (smooth weighted round robin by edge weight). Optional sections take targets out of rotation: active health checks (probes every intervalMs; DOWN after unhealthyThreshold failures, back after healthyThreshold passes; a failing required dependency of the target means DOWN, an optional one DEGRADED), outlier detection (consecutive5xx 5xx in a row — failures of the classes dependency-failure, caller-gone and overload-refusal, i.e. error, refused, bad-format, timeout, queue-full; a 429 or any other answer resets the run — eject a target for baseEjectionMs × its ejection multiplier, which rises by 1 at each ejection and falls by 1 at each sweep the target spends in rotation, so a target that keeps failing is out for 1×, 2×, 3× the base and one that stays healthy earns it back; at most maxEjectionPercent ejected at once; re-admitted at the first sweep, every intervalMs, after its ejection ends) and service discovery (instances heartbeat every heartbeatMs; a crashed one stays registered, and keeps getting traffic, until ttlMs after its last heartbeat). With no eligible target a call fails with "no-healthy-target".',
  configSchema: loadBalancerConfigSchema,
  causes: [NO_HEALTHY_TARGET],
  metrics: METRICS,
  init: initialState,
  start(ctx, node) {
    heartbeatTick(ctx, node); // instances register at startup
    scheduleSections(ctx, node);
  },
  stateLabel: (node) => stateLabel(node.state),
  report(f) {
    const get = (k: string) => counter(f, k);
    const nodeMs = get('state.allHealthyMs') + get('state.someOutMs') + get('state.noneHealthyMs');
    const healthMs = get('health.upMs') + get('health.degradedMs') + get('health.downMs');
    return {
      noTargetShare: perArrival(f, 'noTarget'),
      allHealthyShare: ratio(get('state.allHealthyMs'), nodeMs),
      someOutShare: ratio(get('state.someOutMs'), nodeMs),
      noneHealthyShare: ratio(get('state.noneHealthyMs'), nodeMs),
      targetDownShare: ratio(get('health.downMs'), healthMs),
      targetDegradedShare: ratio(get('health.degradedMs'), healthMs),
      probeFailureShare: ratio(get('probeFailures'), get('probes')),
      ejections: get('ejections'),
      readmissions: get('readmissions'),
      expirations: get('expirations'),
      registrations: get('registrations'),
    };
  },
  onCall(ctx, node, call) {
    accountNode(ctx, node);
    const st = node.state;
    const edges = ctx.outEdges(node.index);
    if (edges.length === 0) {
      ctx.respond(call, false, Cause.NoRoute);
      return;
    }
    const weights =
      node.config.strategy === 'weighted' ? edges.map((e) => ctx.edgeConfig(e).weight) : [];
    const stream = ctx.rng(node.index, 'balance');
    const pick = selectTarget(
      node.config.strategy,
      { eligible: st.eligible, inFlight: st.inFlight, weights },
      st.selection,
      () => stream.next(),
    );
    st.selection = pick.next;
    if (pick.target < 0) {
      ctx.count(node.index, 'noTarget');
      if (ctx.tracing) ctx.trace(node.index, 'lb.no-target', call.request, NO_HEALTHY_TARGET.cause);
      ctx.respond(call, false, NO_HEALTHY_TARGET.cause);
      return;
    }
    st.inFlight[pick.target] = (st.inFlight[pick.target] ?? 0) + 1;
    const child = ctx.send(node.index, edges[pick.target] as number, call.request, call);
    // The caller's scratch: which target the call went to.
    child.callerSlot = pick.target;
  },
  onResponse(ctx, node, child) {
    accountNode(ctx, node);
    const i = child.callerSlot;
    const st = node.state;
    st.inFlight[i] = Math.max(0, (st.inFlight[i] ?? 0) - 1);
    observeOutcome(ctx, node, i, child.ok ? null : child.cause);
    relayAnswer(ctx, child);
  },
  onTimer(ctx, node, tag) {
    if (!isCurrentTimer(ctx, node.state.timers)) return; // from before a config change
    accountNode(ctx, node);
    const c = node.config;
    if (tag === TAG_PROBE && c.healthCheck) {
      probeTargets(ctx, node);
      armTimer(ctx, node.index, node.state.timers, c.healthCheck.intervalMs * 1000, TAG_PROBE);
    } else if (tag === TAG_SWEEP && c.outlierDetection) {
      sweepOutliers(ctx, node);
      armTimer(ctx, node.index, node.state.timers, c.outlierDetection.intervalMs * 1000, TAG_SWEEP);
    } else if (tag === TAG_HEARTBEAT && c.discovery) {
      // Schedule the next tick first: an expiry timer due at the same instant then runs after it.
      armTimer(ctx, node.index, node.state.timers, c.discovery.heartbeatMs * 1000, TAG_HEARTBEAT);
      heartbeatTick(ctx, node);
    } else if (tag === TAG_EXPIRY) {
      expireLeases(ctx, node);
    }
  },
  onConfigChange(ctx, node, previous) {
    accountNode(ctx, node);
    reconfigure(ctx, node, previous);
  },
};
