import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canConnect, defaultScenario, REGISTRY } from '../scenario/index.ts';
import { createAppStore } from './app-store.ts';
import { INFO_BANNER_MS, MAX_ERROR_BANNERS } from './banner-slice.ts';
import { validateScenario } from './create-stores.ts';

function store() {
  return createAppStore({
    initial: defaultScenario(REGISTRY),
    validate: validateScenario,
    canConnect: (s, a, b) => canConnect(s, a, b, REGISTRY),
  });
}

const shown = (app: ReturnType<typeof store>) =>
  app.getState().banners.map((b) => `${b.tone}: ${b.message}`);

describe('banner slice', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows one info banner at most: a newer one replaces the older', () => {
    const app = store();
    app.getState().notify('info', 'Opened “Retry”');
    app.getState().notify('info', 'Opened “Timeout”');
    app.getState().notify('info', 'Opened “Bulkhead”');
    expect(shown(app)).toEqual(['info: Opened “Bulkhead”']);
  });

  it('an info banner goes by itself after INFO_BANNER_MS, counted from its own arrival', () => {
    const app = store();
    app.getState().notify('info', 'first');
    vi.advanceTimersByTime(INFO_BANNER_MS - 1000);
    app.getState().notify('info', 'second');
    // The first one's timer must not take the second away early.
    vi.advanceTimersByTime(1000);
    expect(shown(app)).toEqual(['info: second']);
    vi.advanceTimersByTime(INFO_BANNER_MS - 1001);
    expect(shown(app)).toEqual(['info: second']);
    vi.advanceTimersByTime(1);
    expect(shown(app)).toEqual([]);
  });

  it('errors stay until dismissed, beside the info banner, the oldest giving way past the cap', () => {
    const app = store();
    app.getState().notify('error', 'e1');
    app.getState().notify('info', 'note');
    app.getState().notify('error', 'e2');
    expect(shown(app)).toEqual(['error: e1', 'error: e2', 'info: note']);
    vi.advanceTimersByTime(10 * INFO_BANNER_MS);
    expect(shown(app)).toEqual(['error: e1', 'error: e2']);
    for (let i = 3; i <= MAX_ERROR_BANNERS + 1; i++) app.getState().notify('error', `e${i}`);
    expect(shown(app)).toEqual(
      Array.from({ length: MAX_ERROR_BANNERS }, (_, i) => `error: e${i + 2}`),
    );
    const first = app.getState().banners[0];
    app.getState().dismissBanner(first?.id ?? -1);
    expect(shown(app)).toHaveLength(MAX_ERROR_BANNERS - 1);
  });

  it('a held info banner (pointer over it, focus in it) stays, then gets a full delay again', () => {
    const app = store();
    app.getState().notify('info', 'read me');
    const id = app.getState().banners[0]?.id ?? -1;
    vi.advanceTimersByTime(INFO_BANNER_MS - 100);
    app.getState().holdBanner(id, true);
    vi.advanceTimersByTime(5 * INFO_BANNER_MS);
    expect(shown(app)).toEqual(['info: read me']);
    app.getState().holdBanner(id, false);
    vi.advanceTimersByTime(INFO_BANNER_MS - 1);
    expect(shown(app)).toEqual(['info: read me']);
    vi.advanceTimersByTime(1);
    expect(shown(app)).toEqual([]);
  });

  it('dismissing the info banner by hand cancels its timer; holding an error does nothing', () => {
    const app = store();
    app.getState().notify('info', 'x');
    const id = app.getState().banners[0]?.id ?? -1;
    app.getState().dismissBanner(id);
    expect(vi.getTimerCount()).toBe(0);
    app.getState().notify('error', 'boom');
    app.getState().holdBanner(app.getState().banners[0]?.id ?? -1, false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
