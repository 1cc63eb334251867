/**
 * Messages (docs/architecture.md §3). A message is not a call: a producer's publish is a call
 * the broker acknowledges, and the message then lives in the broker until it has a fate.
 * Brokers keep their messages as plain data in their state; a delivery to a consumer is a
 * call that carries a request no client owns (`SimContext.createMessageRequest`), with the
 * message's id, so every delivery of one message shows the same id in traces.
 */

/** What became of the messages a broker took, and where the rest are now. */
export interface MessageCounts {
  /** Taken from producers (a refused publish is not a message). */
  published: number;
  /** Processed and acknowledged by a consumer: done. */
  acked: number;
  /** Delivered too many times; moved to the dead-letter target. */
  deadLettered: number;
  /** Older than the broker's time to live before anyone processed it. */
  expired: number;
  /** Thrown away by an explicit policy (no dead-letter target, a full buffer…). */
  dropped: number;
  /** Lost under a lossy setting the scenario chose (always counted, never silent). */
  lost: number;
  /** Waiting to be delivered. */
  ready: number;
  /** Delivered, not yet acknowledged. */
  inFlight: number;
  /** Waiting out a redelivery delay. */
  delayed: number;
}

/** The fates a message ends with, as counted in `MessageCounts`. */
export const MESSAGE_FATES = ['acked', 'deadLettered', 'expired', 'dropped', 'lost'] as const;
/** Where a message without a fate is. */
export const MESSAGE_PLACES = ['ready', 'inFlight', 'delayed'] as const;

/** Request attribute naming the message a delivery carries. */
export const MESSAGE_ATTR = 'message';
/** Request attribute marking a poisoned message (1): every consumer attempt fails. */
export const POISON_ATTR = 'poison';
/** Request attribute with the message's type (`OrderPlaced`). */
export const MESSAGE_TYPE_ATTR = 'messageType';

export function emptyMessageCounts(): MessageCounts {
  return {
    published: 0,
    acked: 0,
    deadLettered: 0,
    expired: 0,
    dropped: 0,
    lost: 0,
    ready: 0,
    inFlight: 0,
    delayed: 0,
  };
}

/**
 * Message conservation at one broker: `published = acked + deadLettered + expired + dropped +
 * lost + ready + inFlight + delayed`. The sentence saying how it breaks, or null when it holds.
 */
export function messageIdentityProblem(broker: string, c: MessageCounts): string | null {
  const fates = c.acked + c.deadLettered + c.expired + c.dropped + c.lost;
  const held = c.ready + c.inFlight + c.delayed;
  if (c.published === fates + held) return null;
  return (
    `${broker}: published ${c.published} ≠ acked ${c.acked} + dead-lettered ${c.deadLettered}` +
    ` + expired ${c.expired} + dropped ${c.dropped} + lost ${c.lost} + ready ${c.ready}` +
    ` + in flight ${c.inFlight} + delayed ${c.delayed}`
  );
}
