import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, deferredWorker, type StartLater } from './deferred-worker.ts';
import type { HostCommand } from './protocol.ts';
import type { WorkerLike } from './worker-host.ts';

function manualStart(): { later: StartLater; start(): void } {
  let pending: (() => void) | null = null;
  return {
    later: (start) => {
      pending = start;
    },
    start: () => pending?.(),
  };
}

function fakeWorker() {
  const posted: HostCommand[] = [];
  let terminated = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (c) => posted.push(c),
    terminate: () => {
      terminated = true;
    },
  };
  return { worker, posted, terminated: () => terminated };
}

describe('deferredWorker', () => {
  it('makes the worker only when started, then delivers what was posted, in order', () => {
    const start = manualStart();
    const fake = fakeWorker();
    let made = 0;
    const proxy = deferredWorker(() => {
      made++;
      return fake.worker;
    }, start.later);
    proxy.postMessage({ type: 'play' });
    proxy.postMessage({ type: 'pause' });
    expect(made).toBe(0);
    start.start();
    expect(made).toBe(1);
    expect(fake.posted).toEqual([{ type: 'play' }, { type: 'pause' }]);
    proxy.postMessage({ type: 'step' });
    expect(fake.posted.at(-1)).toEqual({ type: 'step' });
  });

  it('passes the real worker’s events to the handlers set on it', () => {
    const start = manualStart();
    const fake = fakeWorker();
    const proxy = deferredWorker(() => fake.worker, start.later);
    const got: unknown[] = [];
    proxy.onmessage = (e) => got.push(e.data);
    proxy.onerror = (e) => got.push(e.message);
    start.start();
    fake.worker.onmessage?.({ data: { type: 'ready' } } as MessageEvent);
    fake.worker.onerror?.({ message: 'boom' } as ErrorEvent);
    expect(got).toEqual([{ type: 'ready' }, 'boom']);
  });

  it('reports a worker that cannot be made through onerror', () => {
    const start = manualStart();
    const proxy = deferredWorker(() => {
      throw new Error('Worker is not defined');
    }, start.later);
    const errors: string[] = [];
    proxy.onerror = (e) => errors.push(e.message);
    start.start();
    expect(errors).toEqual(['could not be created (Worker is not defined)']);
  });

  it('never makes a worker terminated before it started', () => {
    const start = manualStart();
    let made = 0;
    const proxy = deferredWorker(() => {
      made++;
      return fakeWorker().worker;
    }, start.later);
    proxy.terminate();
    start.start();
    expect(made).toBe(0);
  });
});

describe('afterFirstPaint', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts once, in a task after the first animation frame', () => {
    vi.useFakeTimers();
    let frame: (() => void) | null = null;
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => {
      frame = cb;
      return 1;
    });
    let starts = 0;
    afterFirstPaint(1000)(() => starts++);
    vi.advanceTimersByTime(100);
    expect(starts).toBe(0);
    (frame as (() => void) | null)?.();
    expect(starts).toBe(0); // not inside the frame: after its paint
    vi.advanceTimersByTime(0);
    expect(starts).toBe(1);
    vi.advanceTimersByTime(2000);
    expect(starts).toBe(1);
  });

  it('starts after the longest wait when no frame comes (a background tab)', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    let starts = 0;
    afterFirstPaint(1000)(() => starts++);
    vi.advanceTimersByTime(999);
    expect(starts).toBe(0);
    vi.advanceTimersByTime(1);
    expect(starts).toBe(1);
  });
});
