import type { PatchResult } from '../engine/index.ts';
import type { DriverMessage, HostCommand } from './protocol.ts';
import type { HostFrame, SeriesResult, SimHost } from './sim-host.ts';
import type { TickerFactory } from './ticker.ts';

/** A `SimHost` speaking the protocol, plus the entry points its transport calls. */
export interface ProtocolHost extends SimHost {
  /** Every message from the simulation side goes here. */
  receive(message: DriverMessage): void;
  /** The simulation side is gone (e.g. the worker crashed): pending requests reject. */
  fail(reason: string): void;
}

export interface ProtocolHostOptions {
  kind: SimHost['kind'];
  send(command: HostCommand): void;
  ticker: TickerFactory;
  /** Releases the transport (terminates the worker, disposes the endpoint). */
  close(): void;
}

interface Pending {
  resolve(value: never): void;
  reject(error: Error): void;
}

function emptyFrame(): HostFrame {
  return {
    status: 'empty',
    speed: 1,
    timeMs: 0,
    durationMs: 0,
    progress: 0,
    telemetry: {
      timeMs: 0,
      durationMs: 0,
      events: 0,
      done: false,
      windowsClosed: 0,
      nodes: [],
      edges: [],
    },
    trace: [],
    traceDropped: 0,
    summary: null,
    error: null,
  };
}

/** Reports a listener's throw without keeping the other listeners from the frame. */
const report = (error: unknown) =>
  queueMicrotask(() => {
    throw error;
  });

/**
 * The main-thread side shared by the worker and inline hosts: request bookkeeping by id,
 * frame listeners, and the ticker. Ticks are back-pressured: while a tick is unanswered,
 * further wall time accumulates and goes out with the next tick, so a slow simulation gets
 * fewer, larger ticks instead of a growing queue.
 */
export function createProtocolHost(options: ProtocolHostOptions): ProtocolHost {
  const listeners = new Set<(frame: HostFrame) => void>();
  const pending = new Map<number, Pending>();
  let nextRequestId = 1;
  let tickInFlight = false;
  let owedWallMs = 0;
  let lastFrame = emptyFrame();
  let closed: string | null = null; // why requests can no longer be answered

  const ticker = options.ticker((wallDeltaMs) => {
    if (closed) return;
    owedWallMs += wallDeltaMs;
    if (tickInFlight) return;
    tickInFlight = true;
    options.send({ type: 'tick', wallDeltaMs: owedWallMs });
    owedWallMs = 0;
  });

  function emit(frame: HostFrame): void {
    lastFrame = frame;
    if (frame.status === 'playing' && !closed) {
      ticker.start();
    } else {
      ticker.stop();
      owedWallMs = 0;
    }
    for (const listener of [...listeners]) {
      try {
        listener(frame);
      } catch (error) {
        report(error);
      }
    }
  }

  function settle(requestId: number, outcome: { value: unknown } | { error: Error }): void {
    const request = pending.get(requestId);
    if (!request) return;
    pending.delete(requestId);
    if ('error' in outcome) request.reject(outcome.error);
    else request.resolve(outcome.value as never);
  }

  function request<T>(make: (requestId: number) => HostCommand): Promise<T> {
    if (closed) return Promise.reject(new Error(closed));
    const requestId = nextRequestId++;
    const promise = new Promise<T>((resolve, reject) => {
      pending.set(requestId, { resolve: resolve as (value: never) => void, reject });
    });
    options.send(make(requestId));
    return promise;
  }

  function rejectAll(reason: string): void {
    const requests = [...pending.values()];
    pending.clear();
    for (const r of requests) r.reject(new Error(reason));
  }

  const command = (c: HostCommand) => {
    if (!closed) options.send(c);
  };

  return {
    kind: options.kind,
    load: (scenario) => command({ type: 'load', scenario }),
    play: () => command({ type: 'play' }),
    pause: () => command({ type: 'pause' }),
    step: () => command({ type: 'step' }),
    setSpeed: (multiplier) => command({ type: 'set-speed', multiplier }),
    runToEnd: () => command({ type: 'run-to-end' }),
    reset: () => command({ type: 'reset' }),
    patch: (patch) => request<PatchResult>((requestId) => ({ type: 'patch', requestId, patch })),
    series: (scope, range) =>
      request<SeriesResult>((requestId) => ({ type: 'series', requestId, scope, range })),
    onFrame(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (closed) return;
      closed = 'The simulation host was disposed.';
      ticker.stop();
      rejectAll(closed);
      listeners.clear();
      options.close();
    },
    receive(message) {
      if (closed) return;
      switch (message.type) {
        case 'frame':
          if (message.tickReply) tickInFlight = false;
          emit(message.frame);
          return;
        case 'patch-result':
        case 'series-result':
          settle(message.requestId, { value: message.result });
          return;
        case 'request-failed':
          settle(message.requestId, { error: new Error(message.message) });
          return;
        case 'ready':
          return;
      }
    },
    fail(reason) {
      if (closed) return;
      closed = reason;
      rejectAll(reason);
      const telemetry = { ...lastFrame.telemetry, windowsClosed: 0 };
      emit({ ...lastFrame, status: 'error', error: reason, telemetry, trace: [], traceDropped: 0 });
    },
  };
}
