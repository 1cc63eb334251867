import type { FaultType, SimFault } from '../../engine/index.ts';

/**
 * Faults the inspector switches on "now" (at the current virtual time, until switched off),
 * and the words used to list a node's faults. Pure.
 */

/** Fault ids are at most 64 characters of [A-Za-z0-9_.:-]. */
const MAX_ID = 64;

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** `live-<type>-<target>`, shortened with a hash if the target id is long. */
export function liveFaultId(type: FaultType, target: string): string {
  const id = `live-${type}-${target}`;
  if (id.length <= MAX_ID) return id;
  const tag = hash(target);
  return `${id.slice(0, MAX_ID - tag.length - 1)}-${tag}`;
}

/** Parameters a toggle sets, in stored units (shares 0–1). */
export interface LiveFaultParams {
  rate: number;
  addMs: number;
  factor: number;
  multiplier: number;
  /** A legacy-format fault's `rate` (kept apart from the error rate: both toggles may show). */
  formatRate: number;
}

export const LIVE_DEFAULTS: LiveFaultParams = {
  rate: 0.5,
  addMs: 200,
  factor: 0.5,
  multiplier: 5,
  formatRate: 0.1,
};
export const EDGE_LATENCY_DEFAULT_MS = 100;

/** The fault a toggle adds: from `nowMs` (rounded), until switched off. */
export function liveFault(
  type: FaultType,
  target: string,
  nowMs: number,
  params: LiveFaultParams,
): SimFault {
  const base = {
    id: liveFaultId(type, target),
    target,
    startMs: Math.max(0, Math.round(nowMs)),
    durationMs: null,
  };
  switch (type) {
    case 'error-rate':
      return { ...base, type, rate: params.rate };
    case 'latency':
      return { ...base, type, addMs: params.addMs, multiplier: 1 };
    case 'capacity':
      return { ...base, type, factor: params.factor, workers: null };
    case 'traffic-spike':
      return { ...base, type, multiplier: params.multiplier };
    case 'legacy-format':
      return { ...base, type, rate: params.formatRate };
    case 'edge-latency':
      return { ...base, type, addMs: params.addMs };
    case 'crash':
    case 'hang':
    case 'partition':
      return { ...base, type };
  }
}

/** The same fault with its parameter changed (a live fault's input edited while on). */
export function withParam(fault: SimFault, value: number): SimFault {
  switch (fault.type) {
    case 'error-rate':
    case 'legacy-format':
      return { ...fault, rate: value };
    case 'latency':
    case 'edge-latency':
      return { ...fault, addMs: value };
    case 'capacity':
      return { ...fault, factor: value };
    case 'traffic-spike':
      return { ...fault, multiplier: value };
    default:
      return fault;
  }
}

/** 30000 → "30 s", 1500 → "1.5 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** "30 s – 50 s", or "from 30 s" for a fault that lasts until the end of the run. */
export function faultWindow(f: Pick<SimFault, 'startMs' | 'durationMs'>): string {
  return f.durationMs === null
    ? `from ${formatSeconds(f.startMs)}`
    : `${formatSeconds(f.startMs)} – ${formatSeconds(f.startMs + f.durationMs)}`;
}

function pct(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

/** "Error rate 50%", "Latency +200 ms ×8", "Crash", "Capacity 2 workers", … */
export function faultSummary(f: SimFault): string {
  switch (f.type) {
    case 'error-rate':
      return `Error rate ${pct(f.rate)}`;
    case 'latency': {
      const parts = [
        f.addMs > 0 ? `+${f.addMs} ms` : '',
        f.multiplier !== 1 ? `×${f.multiplier}` : '',
      ].filter(Boolean);
      return `Latency ${parts.join(' ')}`.trim();
    }
    case 'crash':
      return 'Crash';
    case 'hang':
      return 'Hang';
    case 'capacity':
      return f.workers !== null ? `Capacity ${f.workers} workers` : `Capacity ${pct(f.factor)}`;
    case 'partition':
      return 'Partition';
    case 'edge-latency':
      return `Network latency +${f.addMs} ms`;
    case 'traffic-spike':
      return `Traffic spike ×${f.multiplier}`;
    case 'legacy-format':
      return `Legacy format ${pct(f.rate)} undocumented`;
  }
}
