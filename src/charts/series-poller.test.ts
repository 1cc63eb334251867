import { describe, expect, it } from 'vitest';
import { createSeriesPoller, SERIES_REQUEST_TIMEOUT_MS, type PollerDeps } from './series-poller.ts';
import { MIN_FETCH_INTERVAL_MS } from './throttle.ts';

/** A poller over a fake clock and timers; each fetch returns a promise the test settles. */
function harness(status = 'playing') {
  let nowMs = 0;
  const timers: { at: number; callback: () => void; live: boolean }[] = [];
  const requests: { resolve(v: number): void; reject(e: Error): void }[] = [];
  const delivered: number[] = [];
  const state = { status, throwOnDeliver: false };
  const deps: PollerDeps<number> = {
    fetch: () =>
      new Promise<number>((resolve, reject) => {
        requests.push({ resolve, reject });
      }),
    deliver: (v) => {
      if (state.throwOnDeliver) throw new Error('a bug in the handler');
      delivered.push(v);
    },
    status: () => state.status,
    now: () => nowMs,
    setTimer: (callback, ms) => {
      const t = { at: nowMs + ms, callback, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (handle) => {
      (handle as { live: boolean }).live = false;
    },
  };
  const advance = (ms: number) => {
    nowMs += ms;
    for (const t of timers) {
      if (t.live && t.at <= nowMs) {
        t.live = false;
        t.callback();
      }
    }
  };
  const flush = () => new Promise<void>((r) => setTimeout(r, 0));
  return { deps, requests, delivered, state, advance, flush };
}

describe('series poller', () => {
  it('asks at once, then at most one request at a time and one per interval', async () => {
    const h = harness();
    const poller = createSeriesPoller(h.deps);
    expect(h.requests).toHaveLength(1);
    poller.frame(false);
    poller.frame(true);
    expect(h.requests).toHaveLength(1);
    h.requests[0]?.resolve(1);
    await h.flush();
    // A frame was missed while the request was out: served once the gap has passed.
    expect(h.delivered).toEqual([1]);
    poller.frame(false);
    expect(h.requests).toHaveLength(1);
    h.advance(MIN_FETCH_INTERVAL_MS);
    poller.frame(false);
    expect(h.requests).toHaveLength(2);
    poller.dispose();
  });

  it('a request that is never answered does not freeze the charts: it is given up and asked again', async () => {
    const h = harness('done');
    const poller = createSeriesPoller(h.deps);
    poller.frame(true);
    expect(h.requests).toHaveLength(1);
    h.advance(SERIES_REQUEST_TIMEOUT_MS);
    // The run is settled: no frame will come, so the poller asks again by itself.
    expect(h.requests).toHaveLength(2);
    h.requests[1]?.resolve(2);
    await h.flush();
    expect(h.delivered).toEqual([2]);
    // The lost answer arriving late is not delivered over the newer one.
    h.requests[0]?.resolve(1);
    await h.flush();
    expect(h.delivered).toEqual([2]);
    poller.dispose();
  });

  it('a handler that throws does not stop later fetches', async () => {
    const h = harness('paused');
    const poller = createSeriesPoller(h.deps);
    h.state.throwOnDeliver = true;
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      h.requests[0]?.resolve(1);
      await h.flush();
      h.state.throwOnDeliver = false;
      poller.frame(true);
      expect(h.requests).toHaveLength(2);
      h.requests[1]?.resolve(2);
      await h.flush();
      expect(h.delivered).toEqual([2]);
      expect(errors).toHaveLength(1);
    } finally {
      process.off('uncaughtException', onError);
      poller.dispose();
    }
  });

  it('a rejected request is asked again when the run settles', async () => {
    const h = harness('playing');
    const poller = createSeriesPoller(h.deps);
    poller.frame(false);
    h.state.status = 'ready';
    h.requests[0]?.reject(new Error('reloaded'));
    await h.flush();
    expect(h.requests).toHaveLength(2);
    poller.dispose();
    h.advance(SERIES_REQUEST_TIMEOUT_MS);
    expect(h.requests).toHaveLength(2);
  });
});
