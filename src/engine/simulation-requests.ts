import type { RequestInfo } from './model/call.ts';
import { ConservationError } from './conservation.ts';
import type { SimulationCore } from './simulation.ts';
import { isSampled } from './simulation-trace.ts';

// Creating and resolving client requests: counted once each, traced when sampled or failed.

export function createRequest(
  core: SimulationCore,
  client: number,
  deadlineUs: number,
  key: number,
  userId: number,
): RequestInfo {
  const request: RequestInfo = {
    id: core.nextRequestId++,
    client,
    createdUs: core.nowUs,
    deadlineUs,
    attempt: 1,
    key,
    userId,
    attrs: null,
    resolved: false,
  };
  core.stat(client).recordArrival(core.nowUs);
  if (core.tracing && isSampled(core.hopsEvery, request))
    core.trace(client, 'request.sent', request);
  return request;
}

export function resolveRequest(
  core: SimulationCore,
  request: RequestInfo,
  ok: boolean,
  cause: string,
): void {
  if (request.resolved) {
    throw new ConservationError(
      `request ${request.id} of ${core.ids[request.client]} resolved twice`,
    );
  }
  request.resolved = true;
  core.stat(request.client).recordOutcome(ok, cause, core.nowUs - request.createdUs, core.nowUs);
  // Failures are always traced; routine successes only for sampled requests (readable logs).
  if (core.tracing && (!ok || isSampled(core.hopsEvery, request))) {
    core.trace(
      request.client,
      ok ? 'request.succeeded' : 'request.failed',
      request,
      ok ? undefined : cause,
    );
  }
}
