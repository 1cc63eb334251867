// How a queue moves messages: publishes in, deliveries out, acks, failures and timeouts.
import {
  cachedDerived,
  CallPhase,
  compileDistribution,
  MESSAGE_ATTR,
  MESSAGE_TYPE_ATTR,
  POISON_ATTR,
  POISON_FAULT,
  type Call,
  type NodeRuntime,
  type RandomStream,
  type SimContext,
} from '../../engine/index.ts';
import { BROKER_FULL, BROKER_UNAVAILABLE, brokerDown } from '../kit/index.ts';
import {
  accept,
  delay,
  deliver,
  heldCount,
  makeReady,
  settle,
  takeReady,
  type MessageBook,
  type QueuedMessage,
} from './message-book.ts';
import { redeliveryDelayMs, type QueueConfig } from './queue-config.ts';

export interface QueueState {
  book: MessageBook;
  /** Unacknowledged deliveries per consumer edge (by position among the consumer edges). */
  unacked: number[];
  /** The consumer the next delivery tries first (round robin). */
  nextConsumer: number;
  /** Down (a broker crash) at the last fault change. */
  down: boolean;
}

export type N = NodeRuntime<QueueConfig, QueueState>;

export const TAG_PUBLISHED = 1;
export const TAG_VISIBILITY = 2;
export const TAG_REDELIVER = 3;

/** Request attribute: which delivery of its message a delivery call is (1 = the first). */
const DELIVERY_ATTR = 'delivery';

interface QueueDerived {
  publishLatency: (rng: RandomStream) => number;
  latencyStream: RandomStream;
  poisonStream: RandomStream;
  redeliveryStream: RandomStream;
}

function buildDerived(ctx: SimContext, node: N): QueueDerived {
  return {
    publishLatency: compileDistribution(node.config.publishLatency),
    latencyStream: ctx.rng(node.index, 'publish-latency'),
    poisonStream: ctx.rng(node.index, 'poison'),
    redeliveryStream: ctx.rng(node.index, 'redelivery'),
  };
}

/** Outgoing edges: consumers (in document order) and the dead-letter target, if any. */
export function edgesOf(ctx: SimContext, node: N): { consumers: number[]; deadLetter: number } {
  const consumers: number[] = [];
  let deadLetter = -1;
  for (const e of ctx.outEdges(node.index)) {
    if (ctx.edgeConfig(e).role === 'dead-letter') deadLetter = e;
    else consumers.push(e);
  }
  return { consumers, deadLetter };
}

function publishGauges(ctx: SimContext, node: N): void {
  const c = node.state.book.counts;
  ctx.setGauges(node.index, c.inFlight, node.config.prefetch * node.state.unacked.length, c.ready);
}

/** A publish arrived: the broker answers it after its publish latency (`TAG_PUBLISHED`). */
export function onPublish(ctx: SimContext, node: N, call: Call): void {
  if (brokerDown(ctx.faults(node.index))) {
    ctx.respond(call, false, BROKER_UNAVAILABLE.cause);
    return;
  }
  const d = cachedDerived(ctx, node, buildDerived);
  ctx.setTimer(node.index, d.publishLatency(d.latencyStream), TAG_PUBLISHED, call);
}

/** The broker takes the message (or refuses it when full) and acknowledges the publish. */
export function published(ctx: SimContext, node: N, call: Call): void {
  const s = node.state;
  if (brokerDown(ctx.faults(node.index))) {
    ctx.respond(call, false, BROKER_UNAVAILABLE.cause);
    return;
  }
  const cap = node.config.capacity;
  if (cap !== null && heldCount(s.book) >= cap) {
    ctx.count(node.index, 'refusedFull');
    ctx.respond(call, false, BROKER_FULL.cause);
    return;
  }
  const attrs = call.request.attrs;
  const d = cachedDerived(ctx, node, buildDerived);
  const poisonRate = ctx.faults(call.from).custom[POISON_FAULT] ?? 0;
  const poisoned =
    attrs?.[POISON_ATTR] === 1 || (poisonRate > 0 && d.poisonStream.next() < poisonRate);
  const carried = attrs?.[MESSAGE_ATTR];
  const id =
    typeof carried === 'number'
      ? carried
      : ctx.createMessageRequest(node.index, call.request.key, {}).id;
  const type =
    ctx.edgeConfig(call.edge).messageType ??
    (typeof attrs?.[MESSAGE_TYPE_ATTR] === 'string' ? attrs[MESSAGE_TYPE_ATTR] : undefined) ??
    `${ctx.nodeId(call.from)}Event`;
  accept(s.book, {
    id,
    key: call.request.key,
    type: String(type),
    producer: call.from,
    publishedUs: ctx.nowUs,
    poison: poisoned,
  });
  ctx.count(node.index, 'published');
  if (poisoned) ctx.count(node.index, 'poisoned');
  ctx.respond(call, true);
  dispatch(ctx, node);
}

/** Hands ready messages to consumers with room under their prefetch, oldest first. */
export function dispatch(ctx: SimContext, node: N): void {
  const s = node.state;
  const { consumers } = edgesOf(ctx, node);
  const f = ctx.faults(node.index);
  if (f.crashed || brokerDown(f) || consumers.length === 0) {
    publishGauges(ctx, node);
    return;
  }
  const ttlUs = node.config.messageTtlMs === null ? Infinity : node.config.messageTtlMs * 1000;
  while (s.book.counts.ready > 0) {
    const c = freeConsumer(ctx, node, consumers);
    if (c < 0) break;
    const m = takeReady(s.book);
    if (!m) break;
    if (ctx.nowUs - m.publishedUs >= ttlUs) {
      settle(s.book, m, 'expired');
      ctx.count(node.index, 'expired');
      continue;
    }
    deliver(s.book, m);
    s.unacked[c] = (s.unacked[c] as number) + 1;
    s.nextConsumer = (c + 1) % consumers.length;
    const attrs: Record<string, string | number> = {
      [MESSAGE_ATTR]: m.id,
      [DELIVERY_ATTR]: m.deliveries,
      [MESSAGE_TYPE_ATTR]: m.type,
    };
    if (m.poison) attrs[POISON_ATTR] = 1;
    const request = ctx.createMessageRequest(node.index, m.key, attrs, m.id);
    const call = ctx.send(node.index, consumers[c] as number, request, null);
    ctx.setTimer(node.index, node.config.visibilityTimeoutMs * 1000, TAG_VISIBILITY, call);
    ctx.count(node.index, 'delivered');
    if (m.deliveries > 1) ctx.count(node.index, 'redelivered');
    // The wait before its first delivery (the broker's queueing time), summed: mean in reports.
    else ctx.count(node.index, 'waitedMs', (ctx.nowUs - m.publishedUs) / 1000);
    if (ctx.tracing)
      ctx.trace(node.index, 'message.delivered', request, undefined, `#${m.deliveries}`);
  }
  publishGauges(ctx, node);
}

/** The first connected consumer from `nextConsumer` on with room under its prefetch, or -1. */
function freeConsumer(ctx: SimContext, node: N, consumers: readonly number[]): number {
  const s = node.state;
  const count = consumers.length;
  for (let k = 0; k < count; k++) {
    const c = (s.nextConsumer + k) % count;
    // A crashed consumer is disconnected: it takes nothing until it is back.
    if (ctx.faults(ctx.edgeTarget(consumers[c] as number)).crashed) continue;
    if ((s.unacked[c] ?? 0) < node.config.prefetch) return c;
  }
  return -1;
}

/** The message's delivery failed (`cause`) or timed out: dead-lettered, delayed or ready. */
function failed(ctx: SimContext, node: N, m: QueuedMessage, cause: string): void {
  const s = node.state;
  m.lastCause = cause;
  const max = node.config.maxDeliveries;
  if (max !== null && m.deliveries >= max) {
    deadLetter(ctx, node, m);
    return;
  }
  const d = cachedDerived(ctx, node, buildDerived);
  const draws = node.config.redelivery.type === 'exponential';
  const waitMs = redeliveryDelayMs(
    node.config.redelivery,
    m.deliveries,
    draws ? d.redeliveryStream.next() : 0,
  );
  if (waitMs <= 0) makeReady(s.book, m);
  else {
    delay(s.book, m);
    ctx.setTimer(node.index, waitMs * 1000, TAG_REDELIVER, null, m.id);
  }
}

/** Too many deliveries: to the dead-letter target (or dropped when there is none). */
function deadLetter(ctx: SimContext, node: N, m: QueuedMessage): void {
  const { deadLetter: edge } = edgesOf(ctx, node);
  if (edge < 0) {
    settle(node.state.book, m, 'dropped');
    ctx.count(node.index, 'droppedNoDeadLetter');
    return;
  }
  settle(node.state.book, m, 'deadLettered');
  ctx.count(node.index, 'deadLettered');
  const attrs: Record<string, string | number> = {
    [MESSAGE_ATTR]: m.id,
    [MESSAGE_TYPE_ATTR]: m.type,
    deadLetterCause: m.lastCause,
    deliveries: m.deliveries,
    origin: ctx.nodeId(node.index),
  };
  if (m.poison) attrs[POISON_ATTR] = 1;
  const request = ctx.createMessageRequest(node.index, m.key, attrs, m.id);
  if (ctx.tracing) {
    const detail = `after ${m.deliveries} ${m.deliveries === 1 ? 'delivery' : 'deliveries'}`;
    ctx.trace(node.index, 'message.dead-lettered', request, m.lastCause, detail);
  }
  ctx.send(node.index, edge, request, null);
}

/** The message a delivery call carries, if the queue still holds it, and which delivery it was. */
function messageOf(node: N, call: Call): { m: QueuedMessage | undefined; delivery: number } {
  const attrs = call.request.attrs;
  const id = attrs?.[MESSAGE_ATTR];
  const delivery = attrs?.[DELIVERY_ATTR];
  return {
    m: typeof id === 'number' ? node.state.book.held[id] : undefined,
    delivery: typeof delivery === 'number' ? delivery : 0,
  };
}

export function onDeliveryAnswered(ctx: SimContext, node: N, call: Call): void {
  const s = node.state;
  const { consumers } = edgesOf(ctx, node);
  const c = consumers.indexOf(call.edge);
  if (c >= 0) s.unacked[c] = Math.max(0, (s.unacked[c] as number) - 1);
  const { m, delivery } = messageOf(node, call);
  const current = m !== undefined && m.place === 'flight' && m.deliveries === delivery;
  if (node.config.ack === 'on-receive') {
    // At most once: the broker let go of it at delivery; what the consumer failed is lost.
    if (m) atMostOnce(ctx, node, m, call.ok);
  } else if (call.ok) {
    if (m) {
      // Processed: acknowledged, even by a delivery the queue had already given up on.
      settle(s.book, m, 'acked');
      ctx.count(node.index, 'acked');
    } else ctx.count(node.index, 'duplicateAcks');
  } else if (m && current) failed(ctx, node, m, call.cause ?? 'error');
  dispatch(ctx, node);
}

/** A delivery was not acknowledged within the visibility timeout. */
export function visibilityTimedOut(ctx: SimContext, node: N, call: Call): void {
  const { m, delivery } = messageOf(node, call);
  if (call.phase === CallPhase.Lost) {
    // Lost on the way (a partition): no answer will come; free the consumer's slot.
    const c = edgesOf(ctx, node).consumers.indexOf(call.edge);
    if (c >= 0) node.state.unacked[c] = Math.max(0, (node.state.unacked[c] as number) - 1);
    ctx.abandon(call);
    if (m && node.config.ack === 'on-receive') atMostOnce(ctx, node, m, false);
  }
  if (node.config.ack === 'on-receive' || !m || m.place !== 'flight' || m.deliveries !== delivery) {
    dispatch(ctx, node);
    return;
  }
  // Not acknowledged in time: visible again, though its consumer may still be at it.
  ctx.count(node.index, 'visibilityTimeouts');
  failed(ctx, node, m, 'visibility-timeout');
  dispatch(ctx, node);
}

/** A message's redelivery delay is over: it is ready again. */
export function redeliveryDue(ctx: SimContext, node: N): void {
  const m = node.state.book.held[ctx.timerToken];
  if (!m || m.place !== 'delayed') return;
  makeReady(node.state.book, m);
  dispatch(ctx, node);
}

/**
 * Faults on the broker changed. When it goes down and is not durable, every message it held is
 * lost (counted; a consumer's later answer finds nothing to acknowledge). Back up: deliver.
 */
export function brokerFaultsChanged(ctx: SimContext, node: N): void {
  const s = node.state;
  const down = brokerDown(ctx.faults(node.index));
  if (down && !s.down && !node.config.durable) {
    const lost = heldCount(s.book);
    for (const id in s.book.held) settle(s.book, s.book.held[id] as QueuedMessage, 'lost');
    if (lost > 0) ctx.count(node.index, 'lostInCrash', lost);
  }
  s.down = down;
  dispatch(ctx, node);
}

/** Ack on receive: the delivery's outcome is the message's fate, never a redelivery. */
function atMostOnce(ctx: SimContext, node: N, m: QueuedMessage, ok: boolean): void {
  settle(node.state.book, m, ok ? 'acked' : 'lost');
  ctx.count(node.index, ok ? 'acked' : 'lostOnReceive');
}
