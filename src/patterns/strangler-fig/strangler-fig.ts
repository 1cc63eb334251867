import {
  cachedDerived,
  Cause,
  type KindDefinition,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import { counter, matchRoute, ratio, relayAnswer, routeMetric, routePathOf } from '../kit/index.ts';
import {
  goesToNew,
  percentToNewAt,
  routeChanges,
  stickyBucket,
  stranglerConfigSchema,
  type StranglerConfig,
} from './split.ts';

export interface StranglerState {
  /** Bumped by every live config edit; calls routed before an edit are not re-attributed. */
  configGen: number;
}

type N = NodeRuntime<StranglerConfig, StranglerState>;

interface Derived {
  legacyEdge: number;
  newEdge: number;
  /** Per route, then one more entry for unmatched paths: metric names by side and outcome. */
  metrics: { legacy: string; new: string; ok: string; failed: string }[];
}

function edgeTo(ctx: SimContext, node: N, target: string | null, position: number): number {
  const edges = ctx.outEdges(node.index);
  if (target === null) return edges[position] ?? -1;
  return edges.find((e) => ctx.nodeId(ctx.edgeTarget(e)) === target) ?? -1;
}

function build(ctx: SimContext, node: N): Derived {
  const names = (prefix: string) => ({
    legacy: routeMetric(prefix, 'legacy'),
    new: routeMetric(prefix, 'new'),
    ok: routeMetric(prefix, 'ok'),
    failed: routeMetric(prefix, 'failed'),
  });
  return {
    legacyEdge: edgeTo(ctx, node, node.config.legacyTarget, 0),
    newEdge: edgeTo(ctx, node, node.config.newTarget, 1),
    metrics: [...node.config.routes.map((r) => names(r.prefix)), names('(unmatched)')],
  };
}

/** Where the request falls in [0, 100): its user's or key's fixed place, else a fresh draw. */
function placeOf(ctx: SimContext, node: N, userId: number, key: number): number {
  if (node.config.sticky && userId >= 0) return stickyBucket(userId);
  if (node.config.sticky && key >= 0) return stickyBucket(key);
  return ctx.rng(node.index, 'split').next() * 100;
}

// The caller's scratch on the forwarded call: config generation, route slot and side.
const GEN_STRIDE = 256;

export const stranglerFigKind: KindDefinition<StranglerConfig, StranglerState> = {
  kind: 'strangler-fig',
  label: 'Strangler fig',
  category: 'deployment',
  description:
    'A façade that migrates a legacy system to a new one route by route. Each request is matched by its path (longest route prefix wins) and goes to the new system with the route\'s percentToNew, else to the legacy system; paths no route matches stay on legacy. With sticky on, a user (or key) always lands on the same side, so raising a percentage only moves more users over. Edit a percentage live to move a route forward or roll it back: it applies from that moment; or plan a route\'s rollback in the document (rollbackAtMs): from that time on it sends everything to legacy. The legacy and new systems are the nodes named legacyTarget and newTarget, or by default the first and second outgoing edges; a missing one answers "no-route".',
  configSchema: stranglerConfigSchema,
  metrics: [
    { name: 'toNew', label: 'Sent to the new system', unit: 'count' },
    { name: 'toLegacy', label: 'Sent to legacy', unit: 'count' },
    { name: 'unmatched', label: 'No route (stayed on legacy)', unit: 'count' },
    { name: 'noRoute', label: 'Target missing', unit: 'count' },
    { name: 'configChanges', label: 'Live route edits', unit: 'count' },
  ],
  init: () => ({ configGen: 0 }),
  report(f) {
    const toNew = counter(f, 'toNew');
    return { newShare: ratio(toNew, toNew + counter(f, 'toLegacy')) };
  },
  stateLabel(node) {
    const routes = node.config.routes;
    const full = routes.filter((r) => r.percentToNew >= 100).length;
    const partial = routes.some((r) => r.percentToNew > 0 && r.percentToNew < 100);
    return { text: `${full}/${routes.length} MIGRATED`, tone: partial ? 'warn' : 'ok' };
  },
  onCall(ctx, node, call) {
    const d = cachedDerived(ctx, node, build);
    const routes = node.config.routes;
    const index = matchRoute(routes, routePathOf(call.request));
    const route = routes[index];
    const slot = route ? index : routes.length;
    const toNew =
      route !== undefined &&
      goesToNew(
        percentToNewAt(route, ctx.nowUs / 1000),
        placeOf(ctx, node, call.request.userId, call.request.key),
      );
    const edge = toNew ? d.newEdge : d.legacyEdge;
    if (!route) ctx.count(node.index, 'unmatched');
    if (edge < 0) {
      ctx.count(node.index, 'noRoute');
      ctx.respond(call, false, Cause.NoRoute);
      return;
    }
    const names = d.metrics[slot];
    ctx.count(node.index, toNew ? 'toNew' : 'toLegacy');
    if (names) ctx.count(node.index, toNew ? names.new : names.legacy);
    const child = ctx.send(node.index, edge, call.request, call);
    child.callerSlot = node.state.configGen * GEN_STRIDE + slot * 2 + (toNew ? 1 : 0);
  },
  onResponse(ctx, node, child) {
    const gen = Math.floor(child.callerSlot / GEN_STRIDE);
    const slot = (child.callerSlot % GEN_STRIDE) >> 1;
    const names =
      gen === node.state.configGen ? cachedDerived(ctx, node, build).metrics[slot] : null;
    if (names) ctx.count(node.index, child.ok ? names.ok : names.failed);
    relayAnswer(ctx, child);
  },
  onConfigChange(ctx, node, previous) {
    node.state.configGen++;
    ctx.count(node.index, 'configChanges');
    if (ctx.tracing) {
      for (const change of routeChanges(previous.routes, node.config.routes)) {
        ctx.trace(node.index, 'strangler.route-changed', undefined, undefined, change);
      }
    }
  },
};
