import { emptyMessageCounts, type MessageCounts } from '../../engine/index.ts';

/**
 * A topic's books, as plain data. A topic keeps nothing once a subscription has its copy, so
 * what it accounts for are copies: one per message and subscription that takes its type. A
 * copy is in flight while its push is out, delayed while it waits to be pushed again, and
 * ends acked (the subscriber — a queue, or a consumer — took it) or dropped (every push
 * failed).
 */
export interface TopicCopy {
  messageId: number;
  key: number;
  type: string;
  poison: boolean;
  /** The subscription edge. */
  edge: number;
  /** Pushes so far (the current one included). */
  pushes: number;
  place: 'flight' | 'delayed';
}

export interface TopicBook {
  copies: Record<number, TopicCopy>;
  nextCopy: number;
  counts: MessageCounts;
}

export function emptyTopicBook(): TopicBook {
  return { copies: {}, nextCopy: 0, counts: emptyMessageCounts() };
}

/** A new copy for one subscription, in flight at once (its first push). */
export function addCopy(b: TopicBook, c: Omit<TopicCopy, 'pushes' | 'place'>): number {
  const id = b.nextCopy++;
  b.copies[id] = { ...c, pushes: 1, place: 'flight' };
  b.counts.published++;
  b.counts.inFlight++;
  return id;
}

/** A failed push waits to be pushed again. */
export function delayCopy(b: TopicBook, c: TopicCopy): void {
  c.place = 'delayed';
  b.counts.inFlight--;
  b.counts.delayed++;
}

/** A delayed copy is pushed again. */
export function pushAgain(b: TopicBook, c: TopicCopy): void {
  c.place = 'flight';
  c.pushes++;
  b.counts.delayed--;
  b.counts.inFlight++;
}

/** The copy's fate is sealed. */
export function settleCopy(b: TopicBook, id: number, fate: 'acked' | 'dropped'): void {
  const c = b.copies[id];
  if (!c) return;
  if (c.place === 'flight') b.counts.inFlight--;
  else b.counts.delayed--;
  // Plain data (a Map is not): the copy leaves the record once its fate is sealed.
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
  delete b.copies[id];
  b.counts[fate]++;
}

/** The counts, with the copies counted one by one when `walk` (the end of a run). */
export function topicCounts(b: TopicBook, walk: boolean): MessageCounts {
  if (!walk) return b.counts;
  const c = { ...b.counts, inFlight: 0, delayed: 0 };
  for (const id in b.copies) {
    if ((b.copies[id] as TopicCopy).place === 'flight') c.inFlight++;
    else c.delayed++;
  }
  return c;
}
