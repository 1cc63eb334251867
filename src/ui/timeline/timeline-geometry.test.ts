import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  axisTicks,
  clamp,
  dragWindow,
  formatTick,
  nudgeWindow,
  snapMs,
  timeToFraction,
  timeToX,
  windowEndMs,
  xToTime,
} from './timeline-geometry.ts';

const RUN = 120_000;

describe('time ↔ position', () => {
  it('maps times to fractions and pixels, clamped to the run', () => {
    expect(timeToFraction(30_000, RUN)).toBe(0.25);
    expect(timeToFraction(-5, RUN)).toBe(0);
    expect(timeToFraction(RUN * 2, RUN)).toBe(1);
    expect(timeToFraction(10, 0)).toBe(0);
    expect(timeToX(60_000, RUN, 800)).toBe(400);
  });

  it('maps pixels back to times, clamped', () => {
    expect(xToTime(200, RUN, 800)).toBe(30_000);
    expect(xToTime(-10, RUN, 800)).toBe(0);
    expect(xToTime(900, RUN, 800)).toBe(RUN);
    expect(xToTime(10, RUN, 0)).toBe(0);
  });

  it('snaps and clamps', () => {
    expect(snapMs(1_249)).toBe(1_200);
    expect(snapMs(1_250)).toBe(1_300);
    expect(snapMs(-40)).toBe(-0);
    expect(clamp(5, 0, 3)).toBe(3);
    expect(clamp(-1, 0, 3)).toBe(0);
  });

  it('ends open-ended windows with the run', () => {
    expect(windowEndMs({ startMs: 10_000, durationMs: 5_000 }, RUN)).toBe(15_000);
    expect(windowEndMs({ startMs: 10_000, durationMs: null }, RUN)).toBe(RUN);
  });
});

describe('assignLanes', () => {
  it('puts overlapping items on different lanes and reuses freed lanes', () => {
    const { lanes, count } = assignLanes([
      { id: 'a', startMs: 0, endMs: 10 },
      { id: 'b', startMs: 5, endMs: 15 },
      { id: 'c', startMs: 10, endMs: 20 },
      { id: 'd', startMs: 12, endMs: 14 },
    ]);
    expect(Object.fromEntries(lanes)).toEqual({ a: 0, b: 1, c: 0, d: 2 });
    expect(count).toBe(3);
  });

  it('is deterministic whatever the input order, and empty for no items', () => {
    const items = [
      { id: 'x', startMs: 0, endMs: 10 },
      { id: 'y', startMs: 0, endMs: 10 },
    ];
    expect(assignLanes(items).lanes).toEqual(assignLanes([...items].reverse()).lanes);
    expect(assignLanes([]).count).toBe(0);
  });
});

describe('dragWindow', () => {
  const w = { startMs: 30_000, durationMs: 20_000 };

  it('moves keeping the length, snapped to 100 ms', () => {
    expect(dragWindow(w, 'move', 1_234, RUN)).toEqual({ startMs: 31_200, durationMs: 20_000 });
  });

  it('clamps a move to the run', () => {
    expect(dragWindow(w, 'move', -99_000, RUN)).toEqual({ startMs: 0, durationMs: 20_000 });
    expect(dragWindow(w, 'move', 99_000, RUN)).toEqual({ startMs: 100_000, durationMs: 20_000 });
  });

  it('resizes the start keeping the end', () => {
    expect(dragWindow(w, 'start', -5_040, RUN)).toEqual({ startMs: 25_000, durationMs: 25_000 });
    expect(dragWindow(w, 'start', 50_000, RUN)).toEqual({ startMs: 49_900, durationMs: 100 });
    expect(dragWindow(w, 'start', -90_000, RUN)).toEqual({ startMs: 0, durationMs: 50_000 });
  });

  it('resizes the end keeping the start', () => {
    expect(dragWindow(w, 'end', 4_960, RUN)).toEqual({ startMs: 30_000, durationMs: 25_000 });
    expect(dragWindow(w, 'end', -40_000, RUN)).toEqual({ startMs: 30_000, durationMs: 100 });
    expect(dragWindow(w, 'end', 500_000, RUN)).toEqual({ startMs: 30_000, durationMs: 90_000 });
  });

  it('keeps open-ended faults open-ended unless the end is pulled inside the run', () => {
    const open = { startMs: 30_000, durationMs: null };
    expect(dragWindow(open, 'move', 10_000, RUN)).toEqual({ startMs: 40_000, durationMs: null });
    expect(dragWindow(open, 'move', 500_000, RUN)).toEqual({ startMs: 119_900, durationMs: null });
    expect(dragWindow(open, 'start', -10_000, RUN)).toEqual({ startMs: 20_000, durationMs: null });
    expect(dragWindow(open, 'end', 10, RUN)).toEqual({ startMs: 30_000, durationMs: null });
    expect(dragWindow(open, 'end', -20_000, RUN)).toEqual({ startMs: 30_000, durationMs: 70_000 });
  });

  it('brings a fault lying past the run back inside', () => {
    const late = { startMs: 150_000, durationMs: 10_000 };
    expect(dragWindow(late, 'move', 0, RUN)).toEqual({ startMs: 110_000, durationMs: 10_000 });
    const long = { startMs: 0, durationMs: 200_000 };
    expect(dragWindow(long, 'move', 5_000, RUN)).toEqual({ startMs: 0, durationMs: 200_000 });
  });

  it('nudges by a second, resizing with shift', () => {
    expect(nudgeWindow(w, 1, false, RUN)).toEqual({ startMs: 31_000, durationMs: 20_000 });
    expect(nudgeWindow(w, -1, true, RUN)).toEqual({ startMs: 30_000, durationMs: 19_000 });
  });
});

describe('axis', () => {
  it('picks a step that keeps labels apart', () => {
    expect(axisTicks(120_000, 800)).toEqual([
      0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000, 110_000,
      120_000,
    ]);
    expect(axisTicks(600_000, 700)).toEqual([
      0, 60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000, 480_000, 540_000, 600_000,
    ]);
    expect(axisTicks(0, 600)).toEqual([0]);
  });

  it('labels ticks in seconds and minutes', () => {
    expect(formatTick(0)).toBe('0 s');
    expect(formatTick(500)).toBe('0.5 s');
    expect(formatTick(45_000)).toBe('45 s');
    expect(formatTick(120_000)).toBe('2 min');
    expect(formatTick(90_000)).toBe('1:30');
    expect(formatTick(3_600_000)).toBe('1:00:00');
  });
});
