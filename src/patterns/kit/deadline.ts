import { requestWithDeadlineUs, type RequestInfo } from '../../engine/index.ts';

/**
 * Deadlines per call, shared by the timeout kind and the attempt driver (retry, sidecar): a
 * call expires `timeoutMs` after it is sent or, with `propagateDeadline` (like gRPC), at the
 * request's own deadline when that comes first — and the tighter deadline travels downstream
 * so the hops below stop in time too.
 */
export interface DeadlineRule {
  timeoutMs: number;
  /** Honour the caller's deadline and pass the tighter one on. */
  propagateDeadline: boolean;
}

/**
 * When a call sent now at `nowUs` expires (µs): its own deadline, or — with propagation —
 * the request's deadline when that comes first. May be ≤ `nowUs` (already expired).
 */
export function callDeadlineUs(
  rule: DeadlineRule,
  nowUs: number,
  requestDeadlineUs: number,
): number {
  const ownUs = nowUs + Math.round(rule.timeoutMs * 1000);
  return rule.propagateDeadline ? Math.min(ownUs, requestDeadlineUs) : ownUs;
}

/**
 * Whether the downstream hop needs its own copy of the request carrying `deadlineUs`: only
 * with propagation and when it is tighter than the deadline the request already has.
 */
export function tightensDeadline(
  rule: Pick<DeadlineRule, 'propagateDeadline'>,
  deadlineUs: number,
  requestDeadlineUs: number,
): boolean {
  return rule.propagateDeadline && deadlineUs < requestDeadlineUs;
}

/**
 * The request to send downstream: a shallow copy carrying `deadlineUs` when it tightens the
 * deadline (requests are shared by every hop, so the hops above keep seeing their own), else
 * the request itself.
 */
export function requestWithDeadline(
  rule: Pick<DeadlineRule, 'propagateDeadline'>,
  request: RequestInfo,
  deadlineUs: number,
): RequestInfo {
  return tightensDeadline(rule, deadlineUs, request.deadlineUs)
    ? requestWithDeadlineUs(request, deadlineUs)
    : request;
}
