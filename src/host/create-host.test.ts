import { describe, expect, it } from 'vitest';
import { createHost, type InlineHostFactory } from './create-host.ts';
import { createInlineHost } from './inline-host.ts';
import { fakeTicker, loopbackWorker, recordFrames, settle } from './test-fakes.ts';
import { pairScenario } from './test-scenarios.ts';
import { createWorkerHost } from './worker-host.ts';

const inline: InlineHostFactory = () =>
  createInlineHost({ now: () => 0, ticker: fakeTicker().factory });

/** A `loadInlineHost` seam that resolves (or fails) only when the test says so. */
function deferredLoad() {
  let resolve: (factory: InlineHostFactory) => void = () => {};
  let reject: (error: Error) => void = () => {};
  let calls = 0;
  const load = () => {
    calls++;
    return new Promise<InlineHostFactory>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return {
    load,
    calls: () => calls,
    resolve: (f = inline) => resolve(f),
    reject: (e: Error) => reject(e),
  };
}

const failingWorker = (reason: string) => (o: Parameters<typeof createWorkerHost>[0]) =>
  createWorkerHost({ ...o, createWorker: () => loopbackWorker({ failToStart: reason }).worker });

describe('createHost', () => {
  it('uses the worker when it starts, and never loads the inline host', async () => {
    const loop = loopbackWorker();
    const load = deferredLoad();
    const host = createHost({
      ticker: fakeTicker().factory,
      createWorkerHost: (o) => createWorkerHost({ ...o, createWorker: () => loop.worker }),
      loadInlineHost: load.load,
    });
    const frames = recordFrames(host);
    host.load(pairScenario());
    host.step();
    await settle();
    expect(host.kind).toBe('worker');
    expect(frames.at(-1)).toMatchObject({ status: 'paused', timeMs: 1000 });
    expect(load.calls()).toBe(0);
  });

  it('falls back to inline when the worker cannot be constructed', async () => {
    const reasons: string[] = [];
    const host = createHost({
      createWorkerHost: () => {
        throw new Error('Worker is not defined');
      },
      loadInlineHost: async () => inline,
      onFallback: (r) => reasons.push(r),
    });
    const frames = recordFrames(host);
    host.load(pairScenario());
    await settle();
    expect(host.kind).toBe('inline');
    expect(reasons).toEqual(['The simulation worker could not be created: Worker is not defined']);
    expect(frames.at(-1)?.status).toBe('ready');
  });

  it('replays commands and pending requests on inline when the worker fails to load', async () => {
    const reasons: string[] = [];
    const host = createHost({
      ticker: fakeTicker().factory,
      createWorkerHost: failingWorker('Failed to fetch'),
      loadInlineHost: async () => inline,
      onFallback: (r) => reasons.push(r),
    });
    const frames = recordFrames(host);
    host.load(pairScenario());
    host.step();
    const patched = host.patch({ type: 'node-config', nodeId: 's', config: { workers: 2 } });
    const series = host.series({ type: 'node', nodeId: 'c' }, 'recent');
    expect(host.kind).toBe('worker');
    await expect(patched).resolves.toEqual({ ok: true });
    await expect(series).resolves.toMatchObject({ view: { startMs: [0] } });
    expect(host.kind).toBe('inline');
    expect(reasons).toEqual(['The simulation worker failed to start: Failed to fetch.']);
    expect(frames.map((f) => f.status)).toEqual(['ready', 'paused', 'paused']);
    expect(frames.every((f) => f.error === null)).toBe(true);
    host.step();
    expect(frames.at(-1)?.timeMs).toBe(2000);
    host.dispose();
    await settle();
  });

  it('journals what arrives while the inline host loads and replays it in order', async () => {
    const load = deferredLoad();
    const host = createHost({
      ticker: fakeTicker().factory,
      createWorkerHost: failingWorker('Failed to fetch'),
      loadInlineHost: load.load,
    });
    const frames = recordFrames(host);
    host.load(pairScenario());
    await settle(); // the worker has failed; the inline host's code is still loading
    expect(load.calls()).toBe(1);
    host.step();
    const series = host.series({ type: 'node', nodeId: 'c' }, 'recent');
    host.step();
    expect(frames).toEqual([]); // the failed worker's error frame is not passed on
    load.resolve();
    await expect(series).resolves.toMatchObject({ view: { startMs: [0] } });
    expect(host.kind).toBe('inline');
    expect(frames.map((f) => [f.status, f.timeMs])).toEqual([
      ['ready', 0],
      ['paused', 1000],
      ['paused', 2000],
    ]);
    host.dispose();
  });

  it('shows an error frame, and rejects pending requests, if the inline host cannot load', async () => {
    const load = deferredLoad();
    const host = createHost({
      ticker: fakeTicker().factory,
      createWorkerHost: failingWorker('Failed to fetch'),
      loadInlineHost: load.load,
    });
    const frames = recordFrames(host);
    host.load(pairScenario());
    const series = host.series({ type: 'system' }, 'recent');
    await settle();
    load.reject(new Error('Importing a module script failed.'));
    await expect(series).rejects.toThrow(/fallback engine could not be loaded/);
    expect(frames.at(-1)).toMatchObject({ status: 'error' });
    expect(frames.at(-1)?.error).toBe(
      'The simulation worker failed to start: Failed to fetch. The fallback engine could not ' +
        'be loaded either (Importing a module script failed.). Reload the page.',
    );
    host.play(); // harmless: nothing runs
    host.dispose();
  });

  it('does not start the inline host if disposed while its code loads', async () => {
    const load = deferredLoad();
    let made = 0;
    const host = createHost({
      ticker: fakeTicker().factory,
      createWorkerHost: failingWorker('Failed to fetch'),
      loadInlineHost: load.load,
    });
    host.load(pairScenario());
    await settle();
    host.dispose();
    load.resolve(() => {
      made++;
      return inline({});
    });
    await settle();
    expect(made).toBe(0);
  });
});
