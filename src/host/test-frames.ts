// Test support only: minimal node figures and host frames for slicing and store tests.
import type { EdgeFrame, NodeFrame } from '../engine/index.ts';
import type { HostFrame, RunStatus } from './sim-host.ts';

/** A node's figures with `arrivals` requests, all of them ok. */
export function testNodeFrame(id: string, arrivals: number): NodeFrame {
  return {
    id,
    arrivals,
    ok: arrivals,
    failed: {},
    inFlight: 0,
    queueDepth: 0,
    busy: 0,
    capacity: 1,
    window: null,
    metrics: {},
    faults: [],
    crashed: false,
    hung: false,
    state: null,
  };
}

/** A host frame of a 1000 ms run carrying the given element figures. */
export function testHostFrame(
  status: RunStatus,
  nodes: NodeFrame[],
  options: { timeMs?: number; edges?: EdgeFrame[]; windowsClosed?: number } = {},
): HostFrame {
  const { timeMs = 0, edges = [], windowsClosed = 0 } = options;
  return {
    status,
    speed: 1,
    timeMs,
    durationMs: 1000,
    progress: 0,
    telemetry: { timeMs, durationMs: 1000, events: 0, done: false, windowsClosed, nodes, edges },
    trace: [],
    traceDropped: 0,
    summary: null,
    error: null,
  };
}
