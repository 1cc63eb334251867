import {
  cachedDerived,
  Cause,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import { apiGatewayConfigSchema, type ApiGatewayConfig, type GatewayRoute } from './config.ts';
import {
  branchAnswered,
  burstCapacity,
  CIRCUIT_OPEN,
  classifyResult,
  counter,
  fullBucket,
  initialBreaker,
  matchRoute,
  onCallAllowed,
  onResult,
  perArrival,
  RATE_LIMITED,
  ratio,
  refitBucket,
  routeMetric,
  routePathOf,
  startFanOut,
  takeToken,
  UNAUTHORIZED,
  waitingParent,
  type BreakerState,
  type BreakerTransition,
  type TokenBucket,
  type TokenBucketParams,
} from '../kit/index.ts';

export interface GatewayRouteState {
  prefix: string;
  /** The route's token bucket and its settings; null when the route has no rate limit. */
  bucket: TokenBucket | null;
  limit: TokenBucketParams | null;
  breaker: BreakerState;
}

export interface ApiGatewayState {
  /** One entry per configured route, in config order. */
  routes: GatewayRouteState[];
  /** Bumped by every live config edit; calls forwarded before an edit are not re-attributed. */
  configGen: number;
}

type N = NodeRuntime<ApiGatewayConfig, ApiGatewayState>;

interface RouteDerived {
  /** The edges to the route's targets, or null when a target has no edge from the gateway. */
  edges: number[] | null;
  metric: { calls: string; ok: string; failed: string };
}

/** Target node ids → edges and per-route metric names, rebuilt when the config changes. */
function buildDerived(ctx: SimContext, node: N): RouteDerived[] {
  const byTarget = new Map<string, number>();
  for (const e of ctx.outEdges(node.index)) {
    const id = ctx.nodeId(ctx.edgeTarget(e));
    if (!byTarget.has(id)) byTarget.set(id, e);
  }
  return node.config.routes.map((r) => {
    const edges = r.targets.map((t) => byTarget.get(t) ?? -1);
    return {
      edges: edges.includes(-1) ? null : edges,
      metric: {
        calls: routeMetric(r.prefix, 'calls'),
        ok: routeMetric(r.prefix, 'ok'),
        failed: routeMetric(r.prefix, 'failed'),
      },
    };
  });
}

/** A route's token-bucket settings: its rate, and `burst` or one second's worth of tokens. */
function limitOf(r: GatewayRoute): TokenBucketParams | null {
  if (r.rateLimitPerSec === null) return null;
  return { capacity: burstCapacity(r.rateLimitPerSec, r.burst), refillPerSec: r.rateLimitPerSec };
}

/**
 * Route states for the current config; a route whose prefix was already there keeps its
 * breaker and its bucket (refilled under the old limit up to now, capped at the new size).
 */
function alignRoutes(node: N, previous: readonly GatewayRouteState[], nowUs: number) {
  return node.config.routes.map((r): GatewayRouteState => {
    const old = previous.find((p) => p.prefix === r.prefix);
    const limit = limitOf(r);
    let bucket: TokenBucket | null = null;
    if (limit !== null) {
      bucket =
        old?.bucket && old.limit
          ? refitBucket(old.limit, limit, old.bucket, nowUs)
          : fullBucket(limit, nowUs);
    }
    return { prefix: r.prefix, bucket, limit, breaker: old?.breaker ?? initialBreaker(nowUs) };
  });
}

const TRACE_TYPE = {
  opened: 'gateway.breaker-opened',
  'half-open': 'gateway.breaker-half-open',
  closed: 'gateway.breaker-closed',
} as const;

function applyBreaker(
  ctx: SimContext,
  node: N,
  route: GatewayRouteState,
  next: BreakerState,
  t: BreakerTransition,
): void {
  route.breaker = next;
  if (t === null) return;
  if (t === 'opened') ctx.count(node.index, 'breakerOpened');
  if (ctx.tracing) ctx.trace(node.index, TRACE_TYPE[t], undefined, undefined, route.prefix);
}

/** The gateway answers by itself: counted overall, per cause and (when matched) per route. */
function reject(
  ctx: SimContext,
  node: N,
  call: Call,
  cause: string,
  metric: string,
  route?: RouteDerived,
) {
  ctx.count(node.index, metric);
  if (route) ctx.count(node.index, route.metric.failed);
  ctx.respond(call, false, cause);
}

const STEP_FORWARDING = 1;
/** Below STEP_FORWARDING + any configGen: a pass-through call is never attributed to a route. */
const STEP_PASS_THROUGH = 0;

/**
 * A gateway without routes (fresh from the palette) forwards every authorised request to its
 * first downstream, so it works at once; routes take over as soon as one is configured.
 */
function passThrough(ctx: SimContext, node: N, call: Call): void {
  const first = ctx.outEdges(node.index)[0];
  if (first === undefined) {
    reject(ctx, node, call, Cause.NoRoute, 'noRoute');
    return;
  }
  ctx.count(node.index, 'forwarded');
  ctx.count(node.index, 'branches');
  call.step = STEP_PASS_THROUGH;
  call.slot = -1;
  startFanOut(ctx, node.index, call, [first], -1);
}

export const apiGatewayKind: KindDefinition<ApiGatewayConfig, ApiGatewayState> = {
  kind: 'api-gateway',
  label: 'API gateway',
  category: 'routing',
  description:
    'The single entry point in front of several backends (its outgoing edges). Each request is first authenticated: an authFailureRate share is answered 401 ("unauthorized") at once. It is then routed by its path (the client\'s routes): the longest matching route prefix wins, no match is "no-route". A route may have its own token-bucket rate limit (rateLimitPerSec, burst; "rate-limited", i.e. 429) and its own circuit breaker ("circuit-open", i.e. 503; breakerSettings as the circuit-breaker kind — trip policy, recorded failure causes, windows, HALF_OPEN decision — without its automatic timer and manual states). A route with several targets is an aggregation: the targets are called in parallel and the answer waits for the slowest; a failed required branch fails it. Targets are node ids; one without an edge from the gateway makes its route answer "no-route". With no routes at all (fresh from the palette) it forwards every authorised request to its first downstream (PASS-THROUGH).',
  configSchema: apiGatewayConfigSchema,
  // Its own answers, when no backend was called (no-route is the engine's).
  causes: [UNAUTHORIZED, RATE_LIMITED, CIRCUIT_OPEN],
  metrics: [
    { name: 'forwarded', label: 'Forwarded to backends', unit: 'count' },
    { name: 'branches', label: 'Backend calls sent', unit: 'count' },
    { name: 'unauthorized', label: 'Rejected 401 (auth)', unit: 'count' },
    { name: 'rateLimited', label: 'Rejected 429 (rate limit)', unit: 'count' },
    { name: 'circuitOpen', label: 'Rejected 503 (breaker open)', unit: 'count' },
    { name: 'noRoute', label: 'No route (404)', unit: 'count' },
    { name: 'breakerOpened', label: 'Route breakers opened', unit: 'count' },
  ],
  init: (ctx, node) => ({ routes: alignRoutes(node, [], ctx.nowUs), configGen: 0 }),
  report(f) {
    return {
      unauthorizedShare: perArrival(f, 'unauthorized'),
      rateLimitedShare: perArrival(f, 'rateLimited'),
      circuitOpenShare: perArrival(f, 'circuitOpen'),
      noRouteShare: perArrival(f, 'noRoute'),
      forwardedShare: perArrival(f, 'forwarded'),
      callsPerForward: ratio(counter(f, 'branches'), counter(f, 'forwarded')),
    };
  },
  stateLabel(node) {
    const open = node.state.routes.filter((r) => r.breaker.phase === 'open');
    if (open.length === 1) return { text: `${open[0]?.prefix ?? ''} OPEN`, tone: 'bad' };
    if (open.length > 1) return { text: `${open.length} ROUTES OPEN`, tone: 'bad' };
    if (node.state.routes.some((r) => r.breaker.phase === 'half-open')) {
      return { text: 'HALF-OPEN', tone: 'warn' };
    }
    const n = node.state.routes.length;
    return n === 0 ? { text: 'PASS-THROUGH', tone: 'warn' } : { text: `${n} ROUTES`, tone: 'ok' };
  },
  onCall(ctx, node, call) {
    const c = node.config;
    if (c.authFailureRate > 0 && ctx.rng(node.index, 'auth').chance(c.authFailureRate)) {
      reject(ctx, node, call, UNAUTHORIZED.cause, 'unauthorized');
      return;
    }
    if (c.routes.length === 0) {
      passThrough(ctx, node, call);
      return;
    }
    const index = matchRoute(c.routes, routePathOf(call.request));
    const derived = cachedDerived(ctx, node, buildDerived);
    const route = derived[index];
    const cfg = c.routes[index];
    const st = node.state.routes[index];
    if (!route || !cfg || !st) {
      reject(ctx, node, call, Cause.NoRoute, 'noRoute');
      return;
    }
    ctx.count(node.index, route.metric.calls);
    if (route.edges === null) {
      reject(ctx, node, call, Cause.NoRoute, 'noRoute', route);
      return;
    }
    if (st.bucket !== null && st.limit !== null) {
      const t = takeToken(st.limit, st.bucket, ctx.nowUs);
      st.bucket = t.next;
      if (!t.allowed) {
        reject(ctx, node, call, RATE_LIMITED.cause, 'rateLimited', route);
        return;
      }
    }
    let epoch = -1;
    if (cfg.breaker) {
      const r = onCallAllowed(c.breakerSettings, st.breaker, ctx.nowUs);
      applyBreaker(ctx, node, st, r.next, r.transition);
      if (!r.allowed) {
        reject(ctx, node, call, CIRCUIT_OPEN.cause, 'circuitOpen', route);
        return;
      }
      epoch = r.epoch;
    }
    ctx.count(node.index, 'forwarded');
    ctx.count(node.index, 'branches', route.edges.length);
    call.step = STEP_FORWARDING + node.state.configGen;
    call.slot = index;
    startFanOut(ctx, node.index, call, route.edges, epoch);
  },
  onResponse(ctx, node, child) {
    const parent = waitingParent(ctx, child);
    if (!parent) return;
    if (!branchAnswered(ctx, parent, child)) return;
    const ok = parent.failCause === '';
    // Calls forwarded before a live route edit are answered but not attributed to a route.
    if (parent.step === STEP_FORWARDING + node.state.configGen) {
      const st = node.state.routes[parent.slot];
      const cfg = node.config.routes[parent.slot];
      const route = cachedDerived(ctx, node, buildDerived)[parent.slot];
      if (st && cfg && route) {
        ctx.count(node.index, ok ? route.metric.ok : route.metric.failed);
        if (cfg.breaker) {
          const durationUs = ctx.nowUs - parent.arrivedUs;
          const settings = node.config.breakerSettings;
          const result = classifyResult(settings, ok, parent.failCause, ctx);
          const r = onResult(settings, st.breaker, child.callerSlot, result, durationUs, ctx.nowUs);
          applyBreaker(ctx, node, st, r.next, r.transition);
        }
      }
    }
    ctx.respond(parent, ok, parent.failCause);
  },
  onConfigChange(ctx, node) {
    node.state.routes = alignRoutes(node, node.state.routes, ctx.nowUs);
    node.state.configGen++;
    if (ctx.tracing) ctx.trace(node.index, 'gateway.routes-changed');
  },
};
