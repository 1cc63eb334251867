import { describe, expect, it } from 'vitest';
import { messageIdentityProblem } from '../../engine/index.ts';
import {
  accept,
  bookCounts,
  delay,
  deliver,
  emptyBook,
  heldCount,
  makeReady,
  settle,
  takeReady,
  type MessageBook,
  type Place,
  type QueuedMessage,
} from './message-book.ts';

function publish(b: MessageBook, id: number): QueuedMessage {
  return accept(b, { id, key: -1, type: 'T', producer: 0, publishedUs: id, poison: false });
}

const holds = (b: MessageBook) => {
  expect(messageIdentityProblem('q', bookCounts(b, false))).toBeNull();
  expect(bookCounts(b, true)).toEqual(bookCounts(b, false));
};

/** A message brought to `place` the way a queue brings it there. */
function at(place: Place): { b: MessageBook; m: QueuedMessage } {
  const b = emptyBook();
  const m = publish(b, 1);
  if (place === 'ready') return { b, m };
  takeReady(b);
  deliver(b, m);
  if (place === 'delayed') delay(b, m);
  return { b, m };
}

describe('message book', () => {
  it('a published message is ready, then taken oldest first', () => {
    const b = emptyBook();
    publish(b, 1);
    publish(b, 2);
    holds(b);
    expect(takeReady(b)?.id).toBe(1);
    expect(takeReady(b)?.id).toBe(2);
    expect(takeReady(b)).toBeNull();
  });

  // Every place × every event a queue applies there.
  const events: Record<Place, readonly string[]> = {
    ready: ['deliver', 'ack (a late ack of an earlier delivery)', 'expire'],
    flight: ['ack', 'fail → ready', 'fail → delayed', 'dead-letter', 'drop'],
    delayed: ['due → ready', 'ack (late)'],
  };
  for (const place of ['ready', 'flight', 'delayed'] as const) {
    for (const event of events[place]) {
      it(`${place} × ${event}: the identity holds and the message is where it should be`, () => {
        const { b, m } = at(place);
        if (event === 'deliver') {
          takeReady(b);
          deliver(b, m);
          expect([m.place, m.deliveries, b.counts.inFlight]).toEqual(['flight', 1, 1]);
        } else if (event.startsWith('ack')) {
          settle(b, m, 'acked');
          expect([b.counts.acked, heldCount(b)]).toEqual([1, 0]);
          expect(b.held[1]).toBeUndefined();
        } else if (event === 'expire') {
          settle(b, m, 'expired');
          expect(b.counts.expired).toBe(1);
        } else if (event === 'fail → ready' || event === 'due → ready') {
          makeReady(b, m);
          expect([m.place, b.counts.ready]).toEqual(['ready', 1]);
          expect(takeReady(b)?.id).toBe(1);
        } else if (event === 'fail → delayed') {
          delay(b, m);
          expect([m.place, b.counts.delayed, b.counts.inFlight]).toEqual(['delayed', 1, 0]);
        } else if (event === 'dead-letter') {
          settle(b, m, 'deadLettered');
          expect(b.counts.deadLettered).toBe(1);
        } else if (event === 'drop') {
          settle(b, m, 'dropped');
          expect(b.counts.dropped).toBe(1);
        }
        holds(b);
      });
    }
  }

  it('a ready message settled before it is taken is skipped by the FIFO', () => {
    const b = emptyBook();
    const first = publish(b, 1);
    publish(b, 2);
    settle(b, first, 'acked');
    expect(takeReady(b)?.id).toBe(2);
    holds(b);
  });

  it('the walk at the end counts places message by message', () => {
    const b = emptyBook();
    for (let id = 1; id <= 5; id++) publish(b, id);
    const m = takeReady(b) as QueuedMessage;
    deliver(b, m);
    const n = takeReady(b) as QueuedMessage;
    deliver(b, n);
    delay(b, n);
    expect(bookCounts(b, true)).toMatchObject({ published: 5, ready: 3, inFlight: 1, delayed: 1 });
    // A counter gone wrong shows as a difference between the counters and the walk.
    b.counts.ready++;
    expect(bookCounts(b, true).ready).toBe(3);
    expect(messageIdentityProblem('q', bookCounts(b, false))).toMatch(/^q: published 5/);
  });

  it('keeps the FIFO compact over a long run', () => {
    const b = emptyBook();
    for (let id = 1; id <= 5000; id++) {
      publish(b, id);
      const m = takeReady(b) as QueuedMessage;
      deliver(b, m);
      settle(b, m, 'acked');
    }
    expect(b.readyIds.length).toBeLessThan(2100);
    holds(b);
  });
});
