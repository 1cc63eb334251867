import { RequestRecord, type RequestInfo } from './model/call.ts';
import { ConservationError } from './conservation.ts';
import type { InFlightCounters } from './in-flight-counters.ts';
import type { MetricWindows } from './metrics/metric-windows.ts';
import { isSampled } from './simulation-trace.ts';

/** What creating and resolving requests needs from the core (clock and trace stream). */
export interface RequestHost {
  readonly nowUs: number;
  readonly tracing: boolean;
  readonly hopsEvery: number;
  nodeId(node: number): string;
  trace(node: number, type: string, request?: RequestInfo, cause?: string, detail?: string): void;
}

/** Creates and resolves client requests: counted once each, traced when sampled or failed. */
export class Requests {
  private nextId = 0;

  constructor(
    private readonly host: RequestHost,
    private readonly metrics: MetricWindows,
    private readonly inFlight: InFlightCounters,
  ) {}

  create(client: number, deadlineUs: number, key: number, userId: number): RequestInfo {
    const host = this.host;
    const request = new RequestRecord(this.nextId++, client, host.nowUs, deadlineUs, key, userId);
    this.metrics.node(client).recordArrival(host.nowUs);
    if (host.tracing && isSampled(host.hopsEvery, request))
      host.trace(client, 'request.sent', request);
    return request;
  }

  /** A request no client owns (a message's delivery): never counted, never resolved. */
  createUnowned(key: number, attrs: Record<string, string | number>, id?: number): RequestInfo {
    const request = new RequestRecord(id ?? this.nextId++, -1, this.host.nowUs, Infinity, key, -1);
    request.attrs = attrs;
    return request;
  }

  resolve(request: RequestInfo, ok: boolean, cause: string): void {
    const host = this.host;
    if (request.resolved) {
      throw new ConservationError(
        `request ${request.id} of ${host.nodeId(request.client)} resolved twice`,
      );
    }
    request.resolved = true;
    this.inFlight.resolved(request);
    this.metrics
      .node(request.client)
      .recordOutcome(ok, cause, host.nowUs - request.createdUs, host.nowUs);
    // Failures are always traced; routine successes only for sampled requests (readable logs).
    if (host.tracing && (!ok || isSampled(host.hopsEvery, request))) {
      host.trace(
        request.client,
        ok ? 'request.succeeded' : 'request.failed',
        request,
        ok ? undefined : cause,
      );
    }
  }
}
