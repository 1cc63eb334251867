import { counted, quantity, type KindDefinition } from '../../engine/index.ts';
import { BROKER_FULL, BROKER_UNAVAILABLE, brokerCrashFault, counter, ratio } from '../kit/index.ts';
import { bookCounts, emptyBook } from './message-book.ts';
import { queueConfigSchema, type QueueConfig } from './queue-config.ts';
import {
  brokerFaultsChanged,
  dispatch,
  edgesOf,
  onDeliveryAnswered,
  onPublish,
  published,
  redeliveryDue,
  TAG_PUBLISHED,
  TAG_REDELIVER,
  TAG_VISIBILITY,
  visibilityTimedOut,
  type QueueState,
} from './queue-delivery.ts';

export type { QueueState } from './queue-delivery.ts';

export const queueKind: KindDefinition<QueueConfig, QueueState> = {
  kind: 'queue',
  label: 'Queue',
  category: 'messaging',
  description:
    'A point-to-point message queue with competing consumers, as SQS or RabbitMQ: a publish is acknowledged after the publish latency, so the producer does not wait for any consumer. Each message goes to one consumer on an outgoing edge, at most prefetch unacknowledged per consumer. A consumer that fails the message, or does not answer within the visibility timeout, gets it back later (after the redelivery delay) — a slow consumer can so process a message twice. After maxDeliveries failed deliveries the message goes to the dead-letter queue (an outgoing edge to another queue with the role "dead-letter"). Watch ready, in flight, redelivered and dead-lettered.',
  causes: [BROKER_FULL, BROKER_UNAVAILABLE],
  kindFaults: [brokerCrashFault],
  outputs: [
    { role: 'consumer', label: 'Consumers', max: null },
    { role: 'dead-letter', label: 'Dead-letter queue', max: 1 },
  ],
  configSchema: queueConfigSchema,
  metrics: [
    { name: 'published', label: 'Published', unit: 'count' },
    { name: 'delivered', label: 'Delivered', unit: 'count' },
    { name: 'redelivered', label: 'Redelivered', unit: 'count' },
    { name: 'acked', label: 'Acknowledged', unit: 'count' },
    { name: 'deadLettered', label: 'Dead-lettered', unit: 'count' },
    { name: 'expired', label: 'Expired', unit: 'count' },
    { name: 'droppedNoDeadLetter', label: 'Dropped (no dead-letter queue)', unit: 'count' },
    { name: 'refusedFull', label: 'Publishes refused (full)', unit: 'count' },
    { name: 'visibilityTimeouts', label: 'Visibility timeouts', unit: 'count' },
    { name: 'duplicateAcks', label: 'Acks of messages already settled', unit: 'count' },
    { name: 'poisoned', label: 'Poisoned on publish', unit: 'count' },
    { name: 'deadLetterRefused', label: 'Refused by the dead-letter queue', unit: 'count' },
    { name: 'lostOnReceive', label: 'Lost (acked on receive, then failed)', unit: 'count' },
    { name: 'lostInCrash', label: 'Lost in a crash (not durable)', unit: 'count' },
    { name: 'waitedMs', label: 'Waited before a first delivery (sum)', unit: 'ms' },
  ],
  init: (ctx, node) => ({
    book: emptyBook(),
    unacked: edgesOf(ctx, node).consumers.map(() => 0),
    nextConsumer: 0,
    down: false,
  }),
  messages: (node, walk) => bookCounts(node.state.book, walk),
  report(f) {
    const published = counter(f, 'published');
    return {
      published,
      acked: counter(f, 'acked'),
      deadLettered: counter(f, 'deadLettered'),
      redelivered: counter(f, 'redelivered'),
      deliveriesPerMessage: ratio(counter(f, 'delivered'), published),
      meanWaitMs: ratio(
        counter(f, 'waitedMs'),
        counter(f, 'delivered') - counter(f, 'redelivered'),
      ),
    };
  },
  stateLabel(node) {
    // Short: it shares a node card with the figures.
    const c = node.state.book.counts;
    if (c.deadLettered > 0) {
      return {
        text: `${quantity(c.ready)} ready · ${quantity(c.deadLettered)} to DLQ`,
        tone: 'warn',
      };
    }
    const text = `${quantity(c.ready)} ready · ${quantity(c.inFlight)} in flight`;
    return { text, tone: c.ready > 0 ? 'warn' : 'ok' };
  },

  describeLoad: (config) => ({
    setting:
      config.capacity === null
        ? 'no capacity limit'
        : `capacity ${counted(config.capacity, 'message')}`,
    advice: config.capacity === null ? 'add consumers or a capacity' : 'add consumers',
  }),
  onCall: onPublish,
  onTimer(ctx, node, tag, call) {
    if (tag === TAG_PUBLISHED && call) published(ctx, node, call);
    else if (tag === TAG_VISIBILITY && call) visibilityTimedOut(ctx, node, call);
    else if (tag === TAG_REDELIVER) redeliveryDue(ctx, node);
  },
  onResponse(ctx, node, call) {
    if (ctx.edgeConfig(call.edge).role === 'dead-letter') {
      if (!call.ok) ctx.count(node.index, 'deadLetterRefused');
      return;
    }
    onDeliveryAnswered(ctx, node, call);
  },
  onFaultChange: brokerFaultsChanged,
  // A consumer back from a crash takes deliveries again.
  onDownstreamFaultChange: (ctx, node) => dispatch(ctx, node),
  onConfigChange: (ctx, node) => dispatch(ctx, node),
};
