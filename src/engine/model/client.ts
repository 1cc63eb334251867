import { z } from 'zod';
import { US_PER_MS, US_PER_SEC } from '../kernel/time.ts';
import type { Call } from './call.ts';
import type { NodeFaultState, SimContext } from './context.ts';
import { Cause } from './context.ts';
import { counted, quantity, type LoadWords } from './load-words.ts';
import type { KindDefinition, NodeRuntime } from './kind.ts';
import { keySampler, keysSchema } from './request-keys.ts';
import { routeSampler, routesSchema } from './request-routes.ts';

/**
 * The highest request rate a client may be set to, in every arrival type. The busiest
 * built-in sends 500 req/s (in bursts) and a classroom rarely needs more; the engine handles
 * ~5 M events a wall second and a request costs a few events a hop, so at this rate one
 * virtual second already takes about a wall second. Faster traffic would show nothing new —
 * only the budget guard (README, "Limits"); rates like 1e9 used to exhaust the tab's memory.
 */
export const MAX_RATE_PER_SEC = 100_000;

/** Requests per second: 0 (silent) up to `MAX_RATE_PER_SEC`. */
const rate = () => z.number().min(0).max(MAX_RATE_PER_SEC);

/**
 * The most closed-loop users a client may have: each is one request in flight at a time, so
 * this bounds the client's calls in flight; more would only reach the budget guard.
 */
export const MAX_USERS = 100_000;

/**
 * The most distinct user ids (`userCount`): ids are only drawn and hashed, so the bound costs
 * nothing; a billion is more users than any scenario means, and keeps ids exact integers.
 */
export const MAX_USER_IDS = 1_000_000_000;

/**
 * Every rate may be 0 and a closed loop may have 0 users: that silences the client (a teacher
 * mutes one source without rewiring). A silent client schedules nothing and sends nothing.
 */
export const arrivalSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('poisson'),
    ratePerSec: rate(),
  }),
  z.strictObject({
    type: z.literal('constant'),
    ratePerSec: rate(),
  }),
  z.strictObject({
    type: z.literal('ramp'),
    fromPerSec: rate(),
    toPerSec: rate(),
    rampMs: z.number().positive().meta({ title: 'Ramp time', suggested: 30_000 }),
  }),
  z
    .strictObject({
      type: z.literal('burst'),
      baseRatePerSec: rate().default(0),
      burstRatePerSec: rate(),
      offMs: z.number().positive().meta({ title: 'Time between bursts', suggested: 15_000 }),
      onMs: z.number().positive().meta({ title: 'Burst length', suggested: 5000 }),
    })
    .meta({ title: 'Bursts' }),
  z
    .strictObject({
      type: z.literal('users'),
      users: z.number().int().min(0).max(MAX_USERS).meta({ suggested: 50 }),
      thinkTimeMs: z.number().min(0).meta({ suggested: 1000 }),
    })
    .meta({ title: 'Closed loop (users)' }),
]);
export type Arrival = z.infer<typeof arrivalSchema>;

export const clientConfigSchema = z.strictObject({
  arrival: arrivalSchema.default({ type: 'poisson', ratePerSec: 50 }),
  timeoutMs: z
    .number()
    .positive()
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No timeout', suggested: 1000 }),
  keys: keysSchema.nullable().default(null).meta({ noneLabel: 'No keys' }),
  userCount: z
    .number()
    .int()
    .min(1)
    .max(MAX_USER_IDS)
    .nullable()
    .default(null)
    .meta({ title: 'Distinct users', noneLabel: 'No user ids', suggested: 1000 }),
  /** Request paths with weights; each request carries one as `attrs.route`. Null: none. */
  routes: routesSchema.nullable().default(null).meta({ noneLabel: 'No routes' }),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

export interface ClientState {
  /** Open loop: the live arrival timer's token; older tokens are stale (rate changed). */
  arrivalToken: number;
  /** Closed loop: number of users started so far. */
  usersStarted: number;
  /** Constant arrivals: when the current schedule started, and arrivals since. */
  constantAnchorUs: number;
  constantCount: number;
  /** Time of the last open-loop arrival; -1 before the first. */
  lastArrivalUs: number;
}

type N = NodeRuntime<ClientConfig, ClientState>;

const TAG_ARRIVAL = 1;
const TAG_TIMEOUT = 2;
const TAG_USER = 3;

/** Arrival rate at `tUs` (per second, before traffic spikes). Burst cycles start with "off". */
export function rateAt(a: Arrival, tUs: number): number {
  switch (a.type) {
    case 'poisson':
    case 'constant':
      return a.ratePerSec;
    case 'ramp': {
      const f = Math.min(1, tUs / (a.rampMs * US_PER_MS));
      return a.fromPerSec + (a.toPerSec - a.fromPerSec) * f;
    }
    case 'burst': {
      const cycleUs = (a.offMs + a.onMs) * US_PER_MS;
      return tUs % cycleUs < a.offMs * US_PER_MS ? a.baseRatePerSec : a.burstRatePerSec;
    }
    case 'users':
      return 0;
  }
}

/**
 * The long-run request rate of an arrival process, per second: a burst cycle's average, a
 * ramp's final rate, and for closed-loop users one request per user per think time (the
 * most they can send; answers take time too).
 */
export function meanArrivalRatePerSec(a: Arrival): number {
  switch (a.type) {
    case 'poisson':
    case 'constant':
      return a.ratePerSec;
    case 'ramp':
      return a.toPerSec;
    case 'burst':
      return (a.baseRatePerSec * a.offMs + a.burstRatePerSec * a.onMs) / (a.offMs + a.onMs);
    case 'users':
      return a.thinkTimeMs > 0 ? (a.users * 1000) / a.thinkTimeMs : a.users;
  }
}

export const ARRIVAL_TYPES: readonly Arrival['type'][] = [
  'poisson',
  'constant',
  'ramp',
  'burst',
  'users',
];

/**
 * An arrival process of `type` at about `ratePerSec`: what an editor offers when the process
 * changes type (a ramp up to twice the rate over 30 s; bursts of 5 s every 20 s at 4× the
 * rate, the same average; with 1 s of think time, N users send about N requests a second),
 * never past the highest rate a client may have.
 */
export function arrivalAroundPerSec(type: Arrival['type'], ratePerSec: number): Arrival {
  switch (type) {
    case 'poisson':
    case 'constant':
      return { type, ratePerSec };
    case 'ramp':
      return {
        type,
        fromPerSec: ratePerSec,
        toPerSec: Math.min(MAX_RATE_PER_SEC, 2 * ratePerSec),
        rampMs: 30_000,
      };
    case 'burst':
      return {
        type,
        baseRatePerSec: 0,
        burstRatePerSec: Math.min(MAX_RATE_PER_SEC, 4 * ratePerSec),
        onMs: 5000,
        offMs: 15_000,
      };
    case 'users':
      // A silent client (rate 0) stays silent: 0 users.
      return {
        type,
        users: ratePerSec > 0 ? Math.max(1, Math.round(ratePerSec)) : 0,
        thinkTimeMs: 1000,
      };
  }
}

function peakRate(a: Arrival): number {
  switch (a.type) {
    case 'ramp':
      return Math.max(a.fromPerSec, a.toPerSec);
    case 'burst':
      return Math.max(a.baseRatePerSec, a.burstRatePerSec);
    default:
      return rateAt(a, 0);
  }
}

/** Next open-loop arrival. Poisson processes with a varying rate use thinning at the peak rate. */
function scheduleArrival(ctx: SimContext, node: N): void {
  const a = node.config.arrival;
  const spike = ctx.faults(node.index).trafficMultiplier;
  const peak = peakRate(a) * spike;
  if (peak <= 0) return;
  if (a.type === 'constant') {
    // Arrival k of a constant stream lands at anchor + k/rate exactly: rounding never drifts,
    // and a stream starting at 0 puts exactly `rate` arrivals in every one-second window.
    const st = node.state;
    const atUs = st.constantAnchorUs + Math.round((st.constantCount * US_PER_SEC) / peak);
    st.constantCount++;
    ctx.setTimer(node.index, Math.max(0, atUs - ctx.nowUs), TAG_ARRIVAL, null, st.arrivalToken);
    return;
  }
  const gapUs = Math.max(
    1,
    Math.round((-US_PER_SEC / peak) * Math.log(1 - ctx.rng(node.index, 'arrivals').next())),
  );
  ctx.setTimer(node.index, gapUs, TAG_ARRIVAL, null, node.state.arrivalToken);
}

function thinkThenSend(ctx: SimContext, node: N, user: number): void {
  const a = node.config.arrival;
  if (a.type !== 'users' || user >= a.users) return; // users removed by a live edit stop here
  const meanUs = (a.thinkTimeMs * US_PER_MS) / ctx.faults(node.index).trafficMultiplier;
  const gapUs =
    meanUs > 0 ? Math.round(-meanUs * Math.log(1 - ctx.rng(node.index, 'think').next())) : 0;
  ctx.setTimer(node.index, gapUs, TAG_USER, null, user);
}

function pickEdge(ctx: SimContext, node: N): number {
  const edges = ctx.outEdges(node.index);
  if (edges.length <= 1) return edges.length === 1 ? (edges[0] as number) : -1;
  let total = 0;
  for (const e of edges) total += ctx.edgeConfig(e).weight;
  let x = ctx.rng(node.index, 'route').next() * total;
  for (const e of edges) {
    x -= ctx.edgeConfig(e).weight;
    if (x < 0) return e;
  }
  return edges[edges.length - 1] as number;
}

function sendRequest(ctx: SimContext, node: N, userId: number): void {
  const c = node.config;
  const key = c.keys ? keySampler(c.keys)(ctx.rng(node.index, 'keys')) : -1;
  const uid =
    userId >= 0 ? userId : c.userCount ? ctx.rng(node.index, 'users').nextInt(c.userCount) : -1;
  const timeoutUs = c.timeoutMs === null ? Infinity : Math.round(c.timeoutMs * US_PER_MS);
  const request = ctx.createRequest(node.index, ctx.nowUs + timeoutUs, key, uid);
  // Its own stream, drawn only when routes are set: clients without routes keep their numbers.
  if (c.routes) request.attrs = { route: routeSampler(c.routes)(ctx.rng(node.index, 'routes')) };
  const edge = pickEdge(ctx, node);
  if (edge < 0) {
    ctx.resolveRequest(request, false, Cause.NoRoute);
    if (userId >= 0) thinkThenSend(ctx, node, userId);
    return;
  }
  const call = ctx.send(node.index, edge, request, null);
  if (timeoutUs !== Infinity) ctx.setTimer(node.index, timeoutUs, TAG_TIMEOUT, call);
}

function resolved(ctx: SimContext, node: N, call: Call, ok: boolean, cause: string): void {
  ctx.resolveRequest(call.request, ok, cause);
  if (node.config.arrival.type === 'users') thinkThenSend(ctx, node, call.request.userId);
}

function restartTraffic(ctx: SimContext, node: N): void {
  const a = node.config.arrival;
  if (a.type === 'users') {
    // Any pending open-loop arrival timer (from a previous arrival type) is now stale.
    node.state.arrivalToken++;
    for (; node.state.usersStarted < a.users; node.state.usersStarted++) {
      thinkThenSend(ctx, node, node.state.usersStarted);
    }
  } else {
    const st = node.state;
    st.arrivalToken++;
    if (a.type === 'constant' && a.ratePerSec > 0) {
      // A rate change keeps the rhythm: the next arrival comes one new gap after the last one.
      // (At rate 0 nothing is scheduled; the anchor is set when a rate comes back.)
      const gapUs = US_PER_SEC / (a.ratePerSec * ctx.faults(node.index).trafficMultiplier);
      st.constantAnchorUs =
        st.lastArrivalUs < 0
          ? ctx.nowUs
          : Math.max(ctx.nowUs, Math.round(st.lastArrivalUs + gapUs));
      st.constantCount = 0;
    }
    scheduleArrival(ctx, node);
  }
}

/**
 * What the client sends, in words, for the sentence a run stops with (load-words.ts): its
 * rate (times a traffic spike in force), or its users, their think time and timeout — and,
 * for a constant rate whose gap rounds to 0 µs, that every request lands at the same instant.
 */
function describeTraffic(c: ClientConfig, faults: NodeFaultState): LoadWords {
  const spike = faults.trafficMultiplier;
  const by = spike === 1 ? '' : ` (×${quantity(spike)} by a traffic spike)`;
  const lower = { advice: 'lower the rate' };
  const a = c.arrival;
  switch (a.type) {
    case 'poisson':
      return { setting: `sends ${quantity(a.ratePerSec)} req/s${by}`, ...lower };
    case 'constant': {
      const gapUs = US_PER_SEC / (a.ratePerSec * spike);
      // The clock counts whole microseconds: a gap under half of one rounds to 0.
      const rounds =
        gapUs < 0.5
          ? `, one request every ${quantity(gapUs)} µs, which rounds to 0 µs: ${quantity(1 / gapUs)} requests land on each microsecond`
          : '';
      return {
        setting: `sends a constant ${quantity(a.ratePerSec)} req/s${by}${rounds}`,
        ...lower,
      };
    }
    case 'ramp':
      return {
        setting: `ramps up to ${quantity(Math.max(a.fromPerSec, a.toPerSec))} req/s${by}`,
        ...lower,
      };
    case 'burst':
      return { setting: `sends bursts of ${quantity(a.burstRatePerSec)} req/s${by}`, ...lower };
    case 'users': {
      const think =
        a.thinkTimeMs === 0 ? 'no think time' : `${quantity(a.thinkTimeMs)} ms of think time`;
      const giveUp = c.timeoutMs === null ? '' : ` who give up after ${quantity(c.timeoutMs)} ms`;
      return {
        setting: `has ${counted(a.users, 'user')} with ${think}${by}${giveUp}`,
        advice:
          a.thinkTimeMs === 0 ? 'give the users some think time' : 'lower the number of users',
      };
    }
  }
}

export const clientKind: KindDefinition<ClientConfig, ClientState> = {
  kind: 'client',
  label: 'Client',
  category: 'traffic',
  description:
    'Sends requests along its outgoing edge: open-loop arrivals (Poisson, constant, ramp, bursts) or a closed loop of users with think time. Requests may carry keys, user ids and a route (a path drawn from weighted routes, for gateways and stranglers) and give up after timeoutMs.',
  configSchema: clientConfigSchema,
  isSource: true,
  metrics: [],
  init: () => ({
    arrivalToken: 0,
    usersStarted: 0,
    constantAnchorUs: 0,
    constantCount: 0,
    lastArrivalUs: -1,
  }),
  start: restartTraffic,
  onTimer(ctx, node, tag, call) {
    if (tag === TAG_ARRIVAL) {
      if (ctx.timerToken !== node.state.arrivalToken) return;
      const a = node.config.arrival;
      const spike = ctx.faults(node.index).trafficMultiplier;
      const now = rateAt(a, ctx.nowUs) * spike;
      const peak = peakRate(a) * spike;
      if (
        a.type === 'constant' ||
        now >= peak ||
        ctx.rng(node.index, 'thinning').next() * peak < now
      ) {
        node.state.lastArrivalUs = ctx.nowUs;
        sendRequest(ctx, node, -1);
      }
      scheduleArrival(ctx, node);
    } else if (tag === TAG_USER) {
      sendRequest(ctx, node, ctx.timerToken);
    } else if (tag === TAG_TIMEOUT && call) {
      // Resolve first: abandoning a lost call recycles it at once.
      resolved(ctx, node, call, false, Cause.Timeout);
      ctx.abandon(call);
    }
  },
  onResponse(ctx, node, call) {
    resolved(ctx, node, call, call.ok, call.cause);
  },
  onFaultChange: (ctx, node) => {
    if (node.config.arrival.type !== 'users') restartTraffic(ctx, node);
  },
  onConfigChange: restartTraffic,
  describeLoad: describeTraffic,
};
