import type { ChartRow } from './chart-rows.ts';

/** One state a stateful kind can be in, and the series field counting ms spent in it. */
export interface StripState {
  field: string;
  text: string;
  tone: 'ok' | 'warn' | 'bad';
}

/** A run of consecutive windows whose dominant state was the same. */
export interface StateSegment {
  startSec: number;
  endSec: number;
  text: string;
  tone: 'ok' | 'warn' | 'bad';
}

/**
 * The state strip's segments. Each window (row) is split between the states the node spent
 * time in, in proportion to that time, so a 10 ms HALF-OPEN between OPEN and CLOSED still
 * shows (the strip draws every segment at least a couple of pixels wide). Within a window the
 * state carried over from the previous window comes first and the state the next window
 * starts with comes last; adjacent parts of the same state merge. Windows that recorded no
 * state time — before a node saw its first event — are gaps.
 */
export function stateSegments(
  rows: readonly ChartRow[],
  states: readonly StripState[],
  windowSec: number,
): StateSegment[] {
  const out: StateSegment[] = [];
  const partsOf = (row: ChartRow) =>
    states.map((s) => ({ s, ms: row.kindMetrics[s.field] ?? 0 })).filter((p) => p.ms > 0);
  const dominant = (row: ChartRow | undefined) => {
    if (!row) return undefined;
    let best: StripState | undefined;
    let bestMs = 0;
    for (const p of partsOf(row)) {
      if (p.ms > bestMs) {
        best = p.s;
        bestMs = p.ms;
      }
    }
    return best;
  };
  rows.forEach((row, i) => {
    const parts = partsOf(row);
    const totalMs = parts.reduce((sum, p) => sum + p.ms, 0);
    if (totalMs <= 0) return;
    const last = out[out.length - 1];
    const endSec = row.tSec;
    const startSec = Math.max(0, endSec - windowSec);
    const continues = last && Math.abs(last.endSec - startSec) < 1e-9 ? last.text : undefined;
    const next = dominant(rows[i + 1])?.text;
    const rank = (text: string) => (text === continues ? 0 : text === next ? 2 : 1);
    parts.sort((x, y) => rank(x.s.text) - rank(y.s.text));
    let at = startSec;
    for (const p of parts) {
      const to = at + ((endSec - startSec) * p.ms) / totalMs;
      const prev = out[out.length - 1];
      if (prev && prev.text === p.s.text && Math.abs(prev.endSec - at) < 1e-9) prev.endSec = to;
      else out.push({ startSec: at, endSec: to, text: p.s.text, tone: p.s.tone });
      at = to;
    }
  });
  return out;
}

/** "CLOSED 0–30 s, OPEN 30–61 s, …" for screen readers and tooltips. */
export function describeSegments(segments: readonly StateSegment[]): string {
  if (segments.length === 0) return 'no state recorded yet';
  const fmt = (sec: number) =>
    Math.abs(sec - Math.round(sec)) < 0.05 ? String(Math.round(sec)) : sec.toFixed(1);
  return segments.map((s) => `${s.text} ${fmt(s.startSec)}–${fmt(s.endSec)} s`).join(', ');
}
