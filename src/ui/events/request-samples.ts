import type { TraceEvent } from '../../store/index.ts';

export interface SampledRequest {
  requestId: number;
  resolved: boolean;
}

/** Requests with hop events, by request id (= creation order). */
export function sampledRequests(events: readonly TraceEvent[]): SampledRequest[] {
  const sampled = new Set<number>();
  const resolved = new Set<number>();
  for (const e of events) {
    if (e.requestId === undefined) continue;
    if (e.callId !== undefined) sampled.add(e.requestId);
    else if (e.type === 'request.succeeded' || e.type === 'request.failed')
      resolved.add(e.requestId);
  }
  return [...sampled]
    .sort((a, b) => a - b)
    .map((requestId) => ({ requestId, resolved: resolved.has(requestId) }));
}

/** The default sample: the newest finished one, else the newest; null when none. */
export function latestSample(samples: readonly SampledRequest[]): number | null {
  for (let i = samples.length - 1; i >= 0; i--) {
    const s = samples[i] as SampledRequest;
    if (s.resolved) return s.requestId;
  }
  return samples[samples.length - 1]?.requestId ?? null;
}

/** The first sampled request after `currentId`; null when there is none yet. */
export function nextSample(
  samples: readonly SampledRequest[],
  currentId: number | null,
): number | null {
  if (currentId === null) return samples[0]?.requestId ?? null;
  return samples.find((s) => s.requestId > currentId)?.requestId ?? null;
}
