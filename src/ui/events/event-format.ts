import { formatMs, type TraceEvent } from '../../store/index.ts';

/** The event log's type chips. */
export type EventCategory = 'requests' | 'failures' | 'faults' | 'hops';

export const EVENT_CATEGORIES: readonly { id: EventCategory; label: string }[] = [
  { id: 'requests', label: 'Requests' },
  { id: 'failures', label: 'Failures' },
  { id: 'faults', label: 'Faults' },
  { id: 'hops', label: 'Hops' },
];

/** Hop events of sampled requests (they carry a callId). */
export const HOP_TYPES: ReadonlySet<string> = new Set([
  'call.sent',
  'call.arrived',
  'call.answered',
  'call.returned',
  'call.returned-late',
]);

const FAILURE_TYPES: ReadonlySet<string> = new Set([
  'request.failed',
  'call.timeout',
  'call.dropped',
  'call.late-response',
]);

export function isHop(e: TraceEvent): boolean {
  return e.callId !== undefined || HOP_TYPES.has(e.type);
}

/** Whether the event went wrong: a failure type, or a hop that carries a cause. */
export function isFailure(e: TraceEvent): boolean {
  return FAILURE_TYPES.has(e.type) || (isHop(e) && e.cause !== undefined);
}

/** The chips an event belongs to (possibly several, possibly none). */
export function eventCategories(e: TraceEvent): EventCategory[] {
  const out: EventCategory[] = [];
  if (e.type.startsWith('request.')) out.push('requests');
  if (isFailure(e)) out.push('failures');
  if (e.type.startsWith('fault.')) out.push('faults');
  if (isHop(e)) out.push('hops');
  return out;
}

/** Lower-cased filter text, ready to match. */
export function normaliseQuery(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The log's filter: with chips on, the event must be in one of them; with text, its type,
 * node, peer, cause, detail or request id ('123' or '#123') must contain it.
 */
export function matchesFilter(
  e: TraceEvent,
  query: string,
  chips: ReadonlySet<EventCategory>,
): boolean {
  if (chips.size > 0 && !eventCategories(e).some((c) => chips.has(c))) return false;
  if (query === '') return true;
  const q = query.startsWith('#') ? query.slice(1) : query;
  if (e.requestId !== undefined && String(e.requestId).includes(q)) return true;
  return [e.type, e.node, e.peer, e.cause, e.detail].some(
    (field) => field !== undefined && field.toLowerCase().includes(query),
  );
}

/** Virtual time as seconds with milliseconds: '12.345 s'. */
export function formatEventTime(timeUs: number): string {
  return `${(timeUs / 1_000_000).toFixed(3)} s`;
}

/**
 * The last column: cause and detail, and for hops the other end: '→ orders' when this node
 * sends to it (call.sent, call.answered), '← orders' when this node hears from it.
 */
export function describeEvent(e: TraceEvent): string {
  const parts: string[] = [];
  if (e.peer !== undefined) {
    const outward = e.type === 'call.sent' || e.type === 'call.answered';
    parts.push(`${outward ? '→' : '←'} ${e.peer}`);
  }
  if (e.cause !== undefined) parts.push(e.cause);
  if (e.detail !== undefined) parts.push(e.detail);
  return parts.join(' · ');
}

/** A duration in µs as ms: '0.35 ms', '12.4 ms', '1.25 s'. */
export function formatDurationUs(us: number | null): string {
  return us === null ? '–' : formatMs(us / 1000);
}
