import { describe, expect, it } from 'vitest';
import type { HostFrame } from './sim-host.ts';
import { fakeTicker, loopbackWorker, recordFrames, settle } from './test-fakes.ts';
import { pairScenario } from './test-scenarios.ts';
import { createWorkerHost } from './worker-host.ts';

describe('worker host (against a loopback worker running the real endpoint)', () => {
  it('sends commands, receives frames, and answers requests by id', async () => {
    const loop = loopbackWorker();
    const host = createWorkerHost({
      createWorker: () => loop.worker,
      ticker: fakeTicker().factory,
    });
    expect(host.kind).toBe('worker');
    const frames = recordFrames(host);
    host.load(pairScenario());
    host.step();
    const [patched, series] = await Promise.all([
      host.patch({ type: 'node-config', nodeId: 's', config: { workers: 3 } }),
      host.series({ type: 'node', nodeId: 'c' }, 'recent'),
    ]);
    expect(patched).toEqual({ ok: true });
    expect(series.view.startMs).toEqual([0]);
    await settle();
    expect(frames.map((f) => [f.status, f.timeMs])).toEqual([
      ['ready', 0],
      ['paused', 1000],
      ['paused', 1000],
    ]);
    await expect(host.series({ type: 'node', nodeId: 'x' }, 'recent')).rejects.toThrow(/"x"/);
  });

  it('keeps one tick in flight and sends the wall time owed meanwhile with the next', async () => {
    const loop = loopbackWorker();
    const ticker = fakeTicker();
    const host = createWorkerHost({ createWorker: () => loop.worker, ticker: ticker.factory });
    const frames = recordFrames(host);
    host.load(pairScenario());
    host.play();
    await settle();
    expect(ticker.running()).toBe(true);
    ticker.tick(16);
    ticker.tick(16); // the first tick is unanswered: these two are owed
    ticker.tick(17);
    expect(loop.sent.filter((c) => c.type === 'tick')).toEqual([{ type: 'tick', wallDeltaMs: 16 }]);
    await settle();
    ticker.tick(1);
    expect(
      loop.sent.filter((c) => c.type === 'tick').map((c) => c.type === 'tick' && c.wallDeltaMs),
    ).toEqual([16, 34]);
    await settle();
    expect((frames.at(-1) as HostFrame).timeMs).toBe(50);
    host.pause();
    await settle();
    expect(ticker.running()).toBe(false);
  });

  it('reports a start failure to the caller and rejects pending requests', async () => {
    const loop = loopbackWorker({ failToStart: 'SyntaxError in chunk' });
    const failures: string[] = [];
    const host = createWorkerHost({
      createWorker: () => loop.worker,
      ticker: fakeTicker().factory,
      onStartFailure: (reason) => failures.push(reason),
    });
    const pending = host.series({ type: 'system' }, 'recent');
    await expect(pending).rejects.toThrow(/failed to start: SyntaxError in chunk/);
    expect(failures).toEqual(['The simulation worker failed to start: SyntaxError in chunk.']);
    expect(loop.terminated()).toBe(true);
  });

  it('a crash after start becomes an error frame', async () => {
    const loop = loopbackWorker();
    const host = createWorkerHost({
      createWorker: () => loop.worker,
      ticker: fakeTicker().factory,
    });
    const frames = recordFrames(host);
    host.load(pairScenario());
    await settle();
    loop.worker.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(frames.at(-1)).toMatchObject({ status: 'error', timeMs: 0 });
    expect(frames.at(-1)?.error).toMatch(/crashed: boom/);
    await expect(host.patch({ type: 'fault-remove', faultId: 'f' })).rejects.toThrow(/boom/);
  });

  it('dispose terminates the worker', () => {
    const loop = loopbackWorker();
    const host = createWorkerHost({
      createWorker: () => loop.worker,
      ticker: fakeTicker().factory,
    });
    host.dispose();
    expect(loop.terminated()).toBe(true);
  });
});
