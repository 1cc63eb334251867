// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimScenario } from '../engine/index.ts';
import { budget } from '../engine/testing/budget.ts';
import { createInlineHost } from '../host/inline-host.ts';
import { describeEngineError } from '../host/engine-error.ts';
import { fakeTicker, manualSchedule } from '../host/test-fakes.ts';
import { fakeClock } from '../host/test-scenarios.ts';
import { defaultScenario, REGISTRY } from '../scenario/index.ts';
import { createStores, StoresProvider, type StartedStores } from '../store/index.ts';
import { Banners } from './banners.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const memory = () => {
  const data: Record<string, string> = {};
  return {
    getItem: (k: string) => data[k] ?? null,
    setItem: (k: string, v: string) => void (data[k] = v),
    removeItem: (k: string) => void Reflect.deleteProperty(data, k),
  };
};

let host: HTMLDivElement;
let root: Root;
let stores: StartedStores;
let scheduler: ReturnType<typeof manualSchedule>;

beforeEach(() => {
  scheduler = manualSchedule();
  const sim = createInlineHost({
    now: fakeClock(4).now,
    ticker: fakeTicker().factory,
    schedule: scheduler.schedule,
  });
  stores = createStores({ host: sim, storage: memory(), hash: '' });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root.render(
      <StoresProvider stores={stores}>
        <Banners />
      </StoresProvider>,
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  stores.dispose();
});

const engineBanner = () => host.querySelector('[data-testid="banner-engine"]')?.textContent ?? '';

/** The first-visit scenario with its users in a loop of no delay (no think time, no callee). */
function looping(): SimScenario {
  const s = defaultScenario(REGISTRY);
  return {
    ...s,
    nodes: s.nodes.map((n) =>
      n.id === 'users'
        ? { ...n, config: { ...n.config, arrival: { type: 'users', users: 10, thinkTimeMs: 0 } } }
        : n,
    ),
    edges: s.edges.filter((e) => e.source !== 'users'),
  };
}

describe('the engine-error banner', () => {
  // A loop of 10 users: ~110 000 events until the guard stops it, ~0.002 ms each.
  it(
    'says once that the run stopped, why, and what to do — as the engine wrote it',
    budget(110_000, 0.004),
    () => {
      expect(stores.app.getState().open(looping(), 'file').ok).toBe(true);
      act(() => {
        stores.run.runToEnd();
        while (scheduler.runNext());
      });
      const text = engineBanner();
      expect(text).toBe(
        'Stopped at 0 µs: virtual time cannot advance — the client Users has 10 users with no think time who give up after 1 000 ms, so each request fails at once (no-route) and the next one is sent at the same instant. Give the users some think time. Press Reset to run again.',
      );
      // It used to read "The simulation stopped: Stopped … / The simulation stopped with …".
      expect(text.match(/stopped/gi)).toHaveLength(1);
    },
  );

  it('any engine error reads as one sentence that says "stopped" once', () => {
    for (const error of [new Error('boom'), 'not even an Error']) {
      const text = describeEngineError(error);
      expect(text.match(/stopped/gi)).toHaveLength(1);
      expect(text).toMatch(
        /^The simulation stopped with an unexpected error: .+\. Press Reset to run again\.$/,
      );
    }
  });
});
