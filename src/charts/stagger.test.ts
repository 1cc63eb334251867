import { describe, expect, it } from 'vitest';
import { createStagger } from './stagger.ts';

function harness(count: number) {
  const log: [number, string][] = [];
  const s = createStagger<string>(count, (i, v) => log.push([i, v]));
  return { s, log };
}

describe('stagger', () => {
  it('serves one consumer at push and one more per frame, then nothing', () => {
    const { s, log } = harness(3);
    s.push('a');
    expect(log).toEqual([[0, 'a']]);
    s.frame();
    s.frame();
    s.frame();
    expect(log).toEqual([
      [0, 'a'],
      [1, 'a'],
      [2, 'a'],
    ]);
  });

  it('does nothing on frames before the first value', () => {
    const { s, log } = harness(2);
    s.frame();
    s.flush();
    expect(log).toEqual([]);
  });

  it('round robin: a value pushed mid-way goes first to the consumers still waiting', () => {
    const { s, log } = harness(4);
    s.push('a'); // 0 gets a
    s.frame(); // 1 gets a
    s.push('b'); // 2 (its turn) gets b
    s.frame(); // 3
    s.frame(); // 0
    s.frame(); // 1
    expect(log).toEqual([
      [0, 'a'],
      [1, 'a'],
      [2, 'b'],
      [3, 'b'],
      [0, 'b'],
      [1, 'b'],
    ]);
  });

  it('no consumer starves when values come every frame', () => {
    const { s, log } = harness(4);
    for (let i = 0; i < 8; i++) s.push(`v${i}`);
    expect(log.map(([i]) => i)).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
  });

  it('flush serves every stale consumer the latest value at once', () => {
    const { s, log } = harness(3);
    s.push('a');
    s.push('b');
    s.flush();
    expect(log).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'b'],
      [0, 'b'],
    ]);
  });
});
