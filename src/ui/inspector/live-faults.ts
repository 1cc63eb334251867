import type { SimFault } from '../../scenario/index.ts';
import { faultInfo } from '../../store/index.ts';

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
export function liveFaultId(type: string, target: string): string {
  const id = `live-${type}-${target}`;
  if (id.length <= MAX_ID) return id;
  const tag = hash(target);
  return `${id.slice(0, MAX_ID - tag.length - 1)}-${tag}`;
}

/**
 * The fault a toggle adds: from `nowMs` (rounded), until switched off, with the type's
 * starting parameters and the toggle's main parameter set to `value` when given.
 */
export function liveFault(
  type: string,
  target: string,
  nowMs: number,
  param?: { key: string; value: number },
): SimFault {
  return {
    id: liveFaultId(type, target),
    target,
    type,
    startMs: Math.max(0, Math.round(nowMs)),
    durationMs: null,
    ...faultInfo(type)?.newParams,
    ...(param ? { [param.key]: param.value } : {}),
  };
}

/** The same fault with one parameter changed (a live fault's input edited while on). */
export function withParam(fault: SimFault, key: string, value: number): SimFault {
  return { ...fault, [key]: value };
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
