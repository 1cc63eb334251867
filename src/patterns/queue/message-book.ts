import { emptyMessageCounts, type MessageCounts } from '../../engine/index.ts';

/** Where a message a queue holds is: waiting, delivered and unacknowledged, or delayed. */
export type Place = 'ready' | 'flight' | 'delayed';

/** One message a queue holds, as plain data. */
export interface QueuedMessage {
  id: number;
  /** The business key of the request that published it (-1 when none). */
  key: number;
  type: string;
  /** Node index of its producer. */
  producer: number;
  publishedUs: number;
  /** Deliveries so far (the current one included). */
  deliveries: number;
  poison: boolean;
  place: Place;
  /** Why its last delivery failed ('' before any failure). */
  lastCause: string;
}

/**
 * A queue's messages: every one it holds by id, the ready ones in FIFO order (ids; an id whose
 * message has left the ready place is skipped when it reaches the head), and the counts of
 * fates and places that message conservation checks. Pure: the kind decides what happens
 * and when; this keeps the books.
 */
export interface MessageBook {
  held: Record<number, QueuedMessage>;
  readyIds: number[];
  head: number;
  counts: MessageCounts;
}

export function emptyBook(): MessageBook {
  return { held: {}, readyIds: [], head: 0, counts: emptyMessageCounts() };
}

/** Messages the queue holds now (ready, in flight and delayed). */
export function heldCount(b: MessageBook): number {
  return b.counts.ready + b.counts.inFlight + b.counts.delayed;
}

/** Takes a published message: it is ready. */
export function accept(
  b: MessageBook,
  m: Omit<QueuedMessage, 'place' | 'deliveries' | 'lastCause'>,
): QueuedMessage {
  const message: QueuedMessage = { ...m, deliveries: 0, place: 'ready', lastCause: '' };
  b.held[m.id] = message;
  b.readyIds.push(m.id);
  b.counts.published++;
  b.counts.ready++;
  return message;
}

function leave(b: MessageBook, m: QueuedMessage): void {
  if (m.place === 'ready') b.counts.ready--;
  else if (m.place === 'flight') b.counts.inFlight--;
  else b.counts.delayed--;
}

function move(b: MessageBook, m: QueuedMessage, to: Place): void {
  leave(b, m);
  m.place = to;
  if (to === 'ready') {
    b.counts.ready++;
    b.readyIds.push(m.id);
  } else if (to === 'flight') b.counts.inFlight++;
  else b.counts.delayed++;
}

/** The oldest ready message, taken out of the ready FIFO (still `ready` until delivered). */
export function takeReady(b: MessageBook): QueuedMessage | null {
  while (b.head < b.readyIds.length) {
    const m = b.held[b.readyIds[b.head++] as number];
    if (m && m.place === 'ready') {
      compact(b);
      return m;
    }
  }
  compact(b);
  return null;
}

function compact(b: MessageBook): void {
  if (b.head > 1024 && b.head * 2 > b.readyIds.length) {
    b.readyIds = b.readyIds.slice(b.head);
    b.head = 0;
  }
}

/** A ready message goes out to a consumer: one more delivery. */
export function deliver(b: MessageBook, m: QueuedMessage): void {
  move(b, m, 'flight');
  m.deliveries++;
}

/** Visible again at once (a failure or visibility timeout with no redelivery delay). */
export function makeReady(b: MessageBook, m: QueuedMessage): void {
  move(b, m, 'ready');
}

/** Waits out a redelivery delay. */
export function delay(b: MessageBook, m: QueuedMessage): void {
  move(b, m, 'delayed');
}

/** The message's fate is sealed: it leaves the queue, counted under `fate`. */
export function settle(
  b: MessageBook,
  m: QueuedMessage,
  fate: 'acked' | 'deadLettered' | 'expired' | 'dropped' | 'lost',
): void {
  leave(b, m);
  // Plain data (a Map is not): the message's id leaves the record once its fate is sealed.
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
  delete b.held[m.id];
  b.counts[fate]++;
}

/** The counts, with the places counted one message at a time when `walk` (end of a run). */
export function bookCounts(b: MessageBook, walk: boolean): MessageCounts {
  if (!walk) return b.counts;
  const c = { ...b.counts, ready: 0, inFlight: 0, delayed: 0 };
  for (const id in b.held) {
    const m = b.held[id] as QueuedMessage;
    if (m.place === 'ready') c.ready++;
    else if (m.place === 'flight') c.inFlight++;
    else c.delayed++;
  }
  return c;
}
