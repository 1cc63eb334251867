// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { warmUpCharts, type IdleSchedule } from './chart-warm-up.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Idle callbacks run by hand, one per call to `next()`. */
function manualIdle() {
  const queue: (() => void)[] = [];
  const schedule: IdleSchedule = (callback) => {
    queue.push(callback);
    return () => {
      const i = queue.indexOf(callback);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  return {
    schedule,
    pending: () => queue.length,
    next: () => act(() => queue.shift()?.()),
  };
}

/** Every step renders one marker; `mounted` lists what each idle callback drew. */
const markers = (n: number, mounted: number[]) =>
  Array.from({ length: n }, (_, i) => () => {
    mounted.push(i);
    return <span data-step={i} />;
  });

const boxes = () => [...document.body.children].filter((e) => e.getAttribute('aria-hidden'));

afterEach(() => {
  for (const b of boxes()) b.remove();
});

describe('chart warm-up', () => {
  it('draws one step per idle callback, off-screen and hidden, then removes its box', () => {
    const idle = manualIdle();
    const mounted: number[] = [];
    warmUpCharts({ schedule: idle.schedule, steps: markers(3, mounted), drawn: () => false });
    const [box] = boxes();
    expect(box).toBeDefined();
    expect((box as HTMLElement).style.visibility).toBe('hidden');
    expect((box as HTMLElement).style.left).toBe('-10000px');
    // A closed shadow root: the page's selectors (and tests' test ids) never see the chart.
    expect(box?.shadowRoot).toBeNull();
    expect(mounted).toEqual([]);
    for (let step = 0; step < 3; step++) {
      idle.next();
      expect(mounted).toEqual([0, 1, 2].slice(0, step + 1));
    }
    expect(boxes()).toHaveLength(1);
    idle.next();
    expect(boxes()).toHaveLength(0);
    expect(idle.pending()).toBe(0);
  });

  it('stops as soon as real charts are drawn: they compile the code themselves', () => {
    const idle = manualIdle();
    const mounted: number[] = [];
    let drawn = false;
    warmUpCharts({ schedule: idle.schedule, steps: markers(4, mounted), drawn: () => drawn });
    idle.next();
    drawn = true;
    idle.next();
    expect(mounted).toEqual([0]);
    expect(boxes()).toHaveLength(0);
    expect(idle.pending()).toBe(0);
  });

  it('can be cancelled between steps', () => {
    const idle = manualIdle();
    const cancel = warmUpCharts({ schedule: idle.schedule, steps: markers(2, []) });
    idle.next();
    act(cancel);
    expect(boxes()).toHaveLength(0);
    expect(idle.pending()).toBe(0);
  });
});
