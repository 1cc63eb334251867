import { describe, expect, it } from 'vitest';
import { createHost } from './create-host.ts';
import { createInlineHost } from './inline-host.ts';
import { fakeTicker, loopbackWorker, recordFrames, settle } from './test-fakes.ts';
import { pairScenario } from './test-scenarios.ts';
import { createWorkerHost } from './worker-host.ts';

const inline = () => createInlineHost({ now: () => 0, ticker: fakeTicker().factory });

describe('createHost', () => {
  it('uses the worker when it starts', async () => {
    const loop = loopbackWorker();
    const host = createHost({
      ticker: fakeTicker().factory,
      createWorkerHost: (o) => createWorkerHost({ ...o, createWorker: () => loop.worker }),
      createInlineHost: inline,
    });
    const frames = recordFrames(host);
    host.load(pairScenario());
    host.step();
    await settle();
    expect(host.kind).toBe('worker');
    expect(frames.at(-1)).toMatchObject({ status: 'paused', timeMs: 1000 });
  });

  it('falls back to inline when the worker cannot be constructed', () => {
    const reasons: string[] = [];
    const host = createHost({
      createWorkerHost: () => {
        throw new Error('Worker is not defined');
      },
      createInlineHost: inline,
      onFallback: (r) => reasons.push(r),
    });
    expect(host.kind).toBe('inline');
    expect(reasons).toEqual(['The simulation worker could not be created: Worker is not defined']);
    const frames = recordFrames(host);
    host.load(pairScenario());
    expect(frames.at(-1)?.status).toBe('ready');
  });

  it('replays commands and pending requests on inline when the worker fails to load', async () => {
    const loop = loopbackWorker({ failToStart: 'Failed to fetch' });
    const reasons: string[] = [];
    const host = createHost({
      ticker: fakeTicker().factory,
      createWorkerHost: (o) => createWorkerHost({ ...o, createWorker: () => loop.worker }),
      createInlineHost: inline,
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
});
