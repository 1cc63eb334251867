import { describe, expect, it } from 'vitest';
import { anyStale, initialStagger, nextStale, serveNext, type StaggerState } from './stagger.ts';

type Five = readonly [string, string, string, string, string];

/** Steps until every consumer is current; the consumer each step served. */
function drain(
  state: StaggerState<Five>,
  latest: Five,
): { order: number[]; state: StaggerState<Five> } {
  const order: number[] = [];
  let s = state;
  for (let step = 0; step < 10 && anyStale(s.shown, latest); step++) {
    const next = serveNext(s, latest);
    order.push(next.shown.findIndex((v, i) => v !== s.shown[i]));
    s = next;
  }
  return { order, state: s };
}

describe('stagger', () => {
  it('starts showing what it was given', () => {
    const latest: Five = ['a', 'a', 'a', 'a', 'a'];
    expect(initialStagger(latest).shown).toBe(latest);
    expect(anyStale(latest, latest)).toBe(false);
  });

  it('a step catches up exactly one consumer, so new values take one step per chart', () => {
    const s0 = initialStagger<Five>(['', '', '', '', '']);
    const latest: Five = ['w', 'r', 'r', 'r', 'r'];
    const { order, state } = drain(s0, latest);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(state.shown).toEqual(latest);
  });

  it('a step with nothing stale returns the same state (no re-render)', () => {
    const s0 = initialStagger<Five>(['a', 'b', 'c', 'd', 'e']);
    expect(serveNext(s0, s0.shown)).toBe(s0);
  });

  it('only stale consumers take a step: an unchanged watch chart is skipped', () => {
    const s0 = initialStagger<Five>(['w', 'r', 'r', 'r', 'r']);
    const { order } = drain(s0, ['w', 's', 's', 's', 's']);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('round robin: a value pushed mid-way goes first to the consumers still waiting', () => {
    let s = initialStagger<Five>(['', '', '', '', '']);
    const a: Five = ['a', 'a', 'a', 'a', 'a'];
    s = serveNext(s, a); // 0
    s = serveNext(s, a); // 1
    const b: Five = ['b', 'b', 'b', 'b', 'b'];
    expect(nextStale(s.shown, b, s.turn)).toBe(2);
    const { order } = drain(s, b);
    expect(order).toEqual([2, 3, 4, 0, 1]);
  });

  it('no consumer starves when values change at every step', () => {
    let s = initialStagger<Five>(['', '', '', '', '']);
    const served: number[] = [];
    for (let k = 0; k < 10; k++) {
      const v = `v${k}`;
      const latest: Five = [v, v, v, v, v];
      const next = serveNext(s, latest);
      served.push(next.shown.findIndex((x, i) => x !== s.shown[i]));
      s = next;
    }
    expect(served).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });
});
