// @vitest-environment jsdom
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunStatus } from '../host/index.ts';
import { testHostFrame } from '../host/test-frames.ts';
import { StoresProvider, type Stores } from '../store/index.ts';
import { createTelemetryStore } from '../store/telemetry-store.ts';
import { useStaggered } from './use-staggered.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Five = readonly [string, string, string, string, string];
const all = (v: string): Five => [v, v, v, v, v];

let host: HTMLDivElement;
let root: Root;
let telemetry: ReturnType<typeof createTelemetryStore>;
/** What the five charts showed at each commit. */
let commits: Five[];

function Probe({ latest }: { latest: Five }) {
  const shown = useStaggered(latest);
  useEffect(() => {
    commits.push(shown);
  }, [shown]);
  return null;
}

function render(latest: Five) {
  const stores = { telemetry } as unknown as Stores;
  act(() =>
    root.render(
      <StoresProvider stores={stores}>
        <Probe latest={latest} />
      </StoresProvider>,
    ),
  );
}

const frame = (status: RunStatus) =>
  act(() => telemetry.getState().applyFrame(testHostFrame(status, [])));

/** Runs timer tasks one at a time (each its own act, as each is its own task) until none is left. */
function runTasks(): number {
  let tasks = 0;
  while (vi.getTimerCount() > 0 && tasks < 100) {
    act(() => vi.advanceTimersToNextTimer());
    tasks++;
  }
  return tasks;
}

/** How many charts changed between two consecutive commits. */
function changedPerCommit(): number[] {
  return commits.slice(1).map((c, k) => c.filter((v, i) => v !== commits[k]?.[i]).length);
}

beforeEach(() => {
  vi.useFakeTimers();
  commits = [];
  telemetry = createTelemetryStore();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

describe('useStaggered', () => {
  it('when a run ends, each chart catches up in a task of its own, never two in one commit', () => {
    frame('running-to-end');
    render(all(''));
    frame('done');
    render(all('end'));
    // The values changed, but no chart redraws in the task that brought them.
    expect(commits.at(-1)).toEqual(all(''));
    for (let task = 1; task <= 5; task++) {
      act(() => vi.advanceTimersToNextTimer());
      expect(commits.at(-1)?.filter((v) => v === 'end')).toHaveLength(task);
    }
    expect(changedPerCommit().every((n) => n <= 1)).toBe(true);
    expect(vi.getTimerCount()).toBe(0); // and then it stops
  });

  it('while the run moves, one chart catches up per telemetry frame, none by timer', () => {
    frame('playing');
    render(all(''));
    render(all('live'));
    expect(runTasks()).toBe(0);
    expect(commits.at(-1)).toEqual(all(''));
    for (let f = 1; f <= 5; f++) {
      frame('playing');
      expect(commits.at(-1)?.filter((v) => v === 'live')).toHaveLength(f);
    }
    expect(changedPerCommit().every((n) => n <= 1)).toBe(true);
  });

  it('a newer value while catching up wins, and every chart ends on it', () => {
    frame('paused');
    render(all(''));
    render(all('a'));
    act(() => vi.advanceTimersToNextTimer());
    act(() => vi.advanceTimersToNextTimer());
    render(all('b'));
    expect(runTasks()).toBe(5);
    expect(commits.at(-1)).toEqual(all('b'));
    expect(changedPerCommit().every((n) => n <= 1)).toBe(true);
  });
});
