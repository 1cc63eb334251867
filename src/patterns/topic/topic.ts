import { z } from 'zod';
import {
  cachedDerived,
  compileDistribution,
  distributionSchema,
  MESSAGE_ATTR,
  MESSAGE_TYPE_ATTR,
  POISON_ATTR,
  POISON_FAULT,
  quantity,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type RandomStream,
  type SimContext,
} from '../../engine/index.ts';
import { BROKER_UNAVAILABLE, brokerCrashFault, brokerDown, counter, ratio } from '../kit/index.ts';
import {
  addCopy,
  delayCopy,
  emptyTopicBook,
  pushAgain,
  settleCopy,
  topicCounts,
  type TopicBook,
  type TopicCopy,
} from './topic-book.ts';

/** Most pushes after the first before a copy is dropped (a push retry policy, not a flood). */
const MAX_PUSH_RETRIES = 100;

export const topicConfigSchema = z.strictObject({
  publishLatency: distributionSchema
    .default({ type: 'constant', valueMs: 1 })
    .meta({ title: 'Publish latency' }),
  pushRetries: z
    .number()
    .int()
    .min(0)
    .max(MAX_PUSH_RETRIES)
    .default(3)
    .meta({ title: 'Push retries (direct subscribers)' }),
  pushRetryDelayMs: z.number().min(0).default(1000).meta({ title: 'Push retry delay', unit: 'ms' }),
});
export type TopicConfig = z.infer<typeof topicConfigSchema>;

export interface TopicState {
  book: TopicBook;
}

type N = NodeRuntime<TopicConfig, TopicState>;

const TAG_PUBLISHED = 1;
const TAG_PUSH_AGAIN = 2;
/** Request attribute: the copy a push carries. */
const COPY_ATTR = 'copy';

interface TopicDerived {
  publishLatency: (rng: RandomStream) => number;
  latencyStream: RandomStream;
  poisonStream: RandomStream;
}

function buildDerived(ctx: SimContext, node: N): TopicDerived {
  return {
    publishLatency: compileDistribution(node.config.publishLatency),
    latencyStream: ctx.rng(node.index, 'publish-latency'),
    poisonStream: ctx.rng(node.index, 'poison'),
  };
}

function push(ctx: SimContext, node: N, copyId: number, c: TopicCopy): void {
  const attrs: Record<string, string | number> = {
    [MESSAGE_ATTR]: c.messageId,
    [MESSAGE_TYPE_ATTR]: c.type,
    [COPY_ATTR]: copyId,
  };
  if (c.poison) attrs[POISON_ATTR] = 1;
  const request = ctx.createMessageRequest(node.index, c.key, attrs, c.messageId);
  ctx.send(node.index, c.edge, request, null);
}

/** The topic takes a message: one copy to every subscription whose filter lets its type in. */
function published(ctx: SimContext, node: N, call: Call): void {
  const attrs = call.request.attrs;
  const d = cachedDerived(ctx, node, buildDerived);
  const poisonRate = ctx.faults(call.from).custom[POISON_FAULT] ?? 0;
  const poison =
    attrs?.[POISON_ATTR] === 1 || (poisonRate > 0 && d.poisonStream.next() < poisonRate);
  const carried = attrs?.[MESSAGE_ATTR];
  const messageId =
    typeof carried === 'number'
      ? carried
      : ctx.createMessageRequest(node.index, call.request.key, {}).id;
  const carriedType = attrs?.[MESSAGE_TYPE_ATTR];
  const type = String(
    ctx.edgeConfig(call.edge).messageType ??
      (typeof carriedType === 'string' ? carriedType : `${ctx.nodeId(call.from)}Event`),
  );
  ctx.count(node.index, 'published');
  for (const edge of ctx.outEdges(node.index)) {
    const filter = ctx.edgeConfig(edge).filterTypes;
    if (filter && !filter.includes(type)) {
      ctx.count(node.index, 'filtered');
      continue;
    }
    const copy = { messageId, key: call.request.key, type, poison, edge };
    const id = addCopy(node.state.book, copy);
    push(ctx, node, id, node.state.book.copies[id] as TopicCopy);
    ctx.count(node.index, 'copies');
  }
  ctx.respond(call, true);
  publishGauges(ctx, node);
}

function publishGauges(ctx: SimContext, node: N): void {
  const c = node.state.book.counts;
  ctx.setGauges(node.index, c.inFlight, ctx.outEdges(node.index).length, c.delayed);
}

export const topicKind: KindDefinition<TopicConfig, TopicState> = {
  kind: 'topic',
  label: 'Topic',
  category: 'messaging',
  description:
    'Publish/subscribe: every outgoing edge is a subscription that gets its own copy of each message (an edge may take only some message types: filterTypes). A subscription into a queue is durable — the queue keeps the messages while its consumers are down; a subscription straight to a service is a push, retried pushRetries times pushRetryDelayMs apart, then dropped (counted). A slow or failing subscriber never slows the others, and the publisher waits only for the topic. Watch copies, dropped and pushes retried.',
  outputs: [{ role: 'subscription', label: 'Subscriptions', max: null }],
  causes: [BROKER_UNAVAILABLE],
  kindFaults: [brokerCrashFault],
  configSchema: topicConfigSchema,
  metrics: [
    { name: 'published', label: 'Messages published', unit: 'count' },
    { name: 'copies', label: 'Copies sent to subscriptions', unit: 'count' },
    { name: 'filtered', label: 'Copies a filter left out', unit: 'count' },
    { name: 'pushRetried', label: 'Pushes retried', unit: 'count' },
    { name: 'dropped', label: 'Copies dropped after every retry', unit: 'count' },
  ],
  init: () => ({ book: emptyTopicBook() }),
  messages: (node, walk) => topicCounts(node.state.book, walk),
  report(f) {
    const copies = counter(f, 'copies');
    return {
      published: counter(f, 'published'),
      copies,
      dropped: counter(f, 'dropped'),
      droppedShare: ratio(counter(f, 'dropped'), copies),
    };
  },
  stateLabel(node) {
    const c = node.state.book.counts;
    const text = `${quantity(c.inFlight + c.delayed)} pushing`;
    if (c.dropped > 0) return { text: `${text} · ${quantity(c.dropped)} dropped`, tone: 'warn' };
    return { text, tone: c.delayed > 0 ? 'warn' : 'ok' };
  },
  onCall(ctx, node, call) {
    // Down: publishes are refused (the copies already out still reach their subscribers).
    if (brokerDown(ctx.faults(node.index))) {
      ctx.respond(call, false, BROKER_UNAVAILABLE.cause);
      return;
    }
    const d = cachedDerived(ctx, node, buildDerived);
    ctx.setTimer(node.index, d.publishLatency(d.latencyStream), TAG_PUBLISHED, call);
  },
  onTimer(ctx, node, tag, call) {
    if (tag === TAG_PUBLISHED && call) published(ctx, node, call);
    else if (tag === TAG_PUSH_AGAIN) {
      const c = node.state.book.copies[ctx.timerToken];
      if (!c || c.place !== 'delayed') return;
      pushAgain(node.state.book, c);
      push(ctx, node, ctx.timerToken, c);
      publishGauges(ctx, node);
    }
  },
  onResponse(ctx, node, call) {
    const id = call.request.attrs?.[COPY_ATTR];
    if (typeof id !== 'number') return;
    const b = node.state.book;
    const c = b.copies[id];
    if (!c) return;
    if (call.ok) settleCopy(b, id, 'acked');
    else if (c.pushes <= node.config.pushRetries) {
      delayCopy(b, c);
      ctx.count(node.index, 'pushRetried');
      ctx.setTimer(node.index, node.config.pushRetryDelayMs * 1000, TAG_PUSH_AGAIN, null, id);
    } else {
      settleCopy(b, id, 'dropped');
      ctx.count(node.index, 'dropped');
      if (ctx.tracing) ctx.trace(node.index, 'message.dropped', call.request, call.cause);
    }
    publishGauges(ctx, node);
  },
};
