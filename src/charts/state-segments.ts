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
 * The state strip's segments: per window (row), the state the node spent most time in
 * (ties go to the worse tone, so a short OPEN inside a window is not hidden by CLOSED), with
 * adjacent windows of the same state merged. Windows that recorded no state time — before a
 * node saw its first event — are left out, as gaps.
 */
export function stateSegments(
  rows: readonly ChartRow[],
  states: readonly StripState[],
  windowSec: number,
): StateSegment[] {
  const severity = { ok: 0, warn: 1, bad: 2 } as const;
  const out: StateSegment[] = [];
  for (const row of rows) {
    let best: StripState | undefined;
    let bestMs = 0;
    for (const s of states) {
      const ms = row.kindMetrics[s.field] ?? 0;
      if (
        ms > bestMs ||
        (ms === bestMs && ms > 0 && best && severity[s.tone] > severity[best.tone])
      ) {
        best = s;
        bestMs = ms;
      }
    }
    if (!best) continue;
    const endSec = row.tSec;
    const last = out[out.length - 1];
    const startSec = Math.max(0, endSec - windowSec);
    if (last && last.text === best.text && Math.abs(last.endSec - startSec) < 1e-9) {
      last.endSec = endSec;
    } else {
      out.push({ startSec, endSec, text: best.text, tone: best.tone });
    }
  }
  return out;
}

/** "CLOSED 0–30 s, OPEN 30–61 s, …" for screen readers and tooltips. */
export function describeSegments(segments: readonly StateSegment[]): string {
  if (segments.length === 0) return 'no state recorded yet';
  const fmt = (sec: number) => (Number.isInteger(sec) ? String(sec) : sec.toFixed(1));
  return segments.map((s) => `${s.text} ${fmt(s.startSec)}–${fmt(s.endSec)} s`).join(', ');
}
