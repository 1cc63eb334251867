import type { Call, RequestInfo } from './model/call.ts';
import type { TraceEvent } from './model/context.ts';

export type TraceSink = (event: TraceEvent) => void;

/** Emits one trace event (no-op without a sink). */
export function emitTrace(
  emit: TraceSink | undefined,
  timeUs: number,
  node: string,
  type: string,
  request?: RequestInfo,
  cause?: string,
  detail?: string,
): void {
  if (!emit) return;
  const event: TraceEvent = { timeUs, type, node };
  if (request) event.requestId = request.id;
  if (cause) event.cause = cause;
  if (detail) event.detail = detail;
  emit(event);
}

/** Emits one hop event of a followed call (no-op without a sink). */
export function emitHop(
  emit: TraceSink | undefined,
  timeUs: number,
  type: string,
  node: string,
  call: Call,
  peer?: string,
  cause?: string,
): void {
  if (!emit) return;
  const parent = call.parent;
  const event: TraceEvent = {
    timeUs,
    type,
    node,
    requestId: call.request.id,
    callId: call.traceId,
  };
  if (parent && parent.gen === call.parentGen && parent.traceId >= 0)
    event.parentCallId = parent.traceId;
  if (peer) event.peer = peer;
  if (cause) event.cause = cause;
  emit(event);
}

/** With hop sampling on, one request in `hopsEvery` is followed in full. */
export function isSampled(hopsEvery: number, request: RequestInfo): boolean {
  return hopsEvery === 0 || request.id % hopsEvery === 0;
}

/** Folds one processed event into the FNV-1a style event hash; returns the new hash. */
export function hashEvent(
  h: number,
  nowUs: number,
  type: number,
  target: number,
  a: number,
): number {
  h = Math.imul(h ^ (nowUs % 4294967296), 0x01000193);
  h = Math.imul(h ^ Math.floor(nowUs / 4294967296), 0x01000193);
  h = Math.imul(h ^ type, 0x01000193);
  h = Math.imul(h ^ target, 0x01000193);
  h = Math.imul(h ^ a, 0x01000193);
  return h >>> 0;
}
