// How one call of a waterfall is drawn and labelled.
import type { Hop } from './waterfall-model.ts';

/** One drawn piece of a hop: network out, time at the callee, network back. */
export interface HopSegment {
  kind: 'out' | 'callee' | 'back';
  startUs: number;
  endUs: number;
  /** The piece never ended in the trace; drawn up to `endUs` of the axis or the timeout. */
  open: boolean;
}

/** The hop's segments on the trace's axis; an unfinished piece runs to the timeout or the end. */
export function hopSegments(hop: Hop, axisEndUs: number): HopSegment[] {
  // An open piece runs until the caller gave up, if that came later, else to the axis end.
  const stopAfter = (from: number) =>
    [hop.timedOutUs, hop.droppedUs].find((t): t is number => t !== null && t > from) ??
    Math.max(from, axisEndUs);
  const out: HopSegment[] = [];
  const piece = (kind: HopSegment['kind'], from: number | null, to: number | null) => {
    if (from === null) return;
    out.push({ kind, startUs: from, endUs: to ?? stopAfter(from), open: to === null });
  };
  if (hop.sentUs !== null && hop.arrivedUs === null && hop.answeredUs === null) {
    piece('out', hop.sentUs, hop.returnedUs);
    return out;
  }
  piece('out', hop.sentUs, hop.arrivedUs);
  if (hop.arrivedUs !== null && hop.answeredUs === null && hop.returnedUs === null) {
    piece('callee', hop.arrivedUs, null);
    return out;
  }
  piece('callee', hop.arrivedUs, hop.answeredUs);
  piece('back', hop.answeredUs, hop.returnedUs);
  return out;
}

/** The hop's outcome in words: 'ok', 'refused', 'late · timeout', 'lost · partition', 'in flight'. */
export function hopOutcomeText(hop: Hop): string {
  switch (hop.outcome) {
    case 'ok':
      return 'ok';
    case 'failed':
      return hop.cause ?? 'failed';
    case 'late':
      return hop.cause ? `late · ${hop.cause}` : 'late';
    case 'lost':
      return hop.cause ? `lost · ${hop.cause}` : 'lost';
    case 'pending':
      return 'in flight';
  }
}

/** Time from send to return, when both are known. */
export function hopTotalUs(hop: Hop): number | null {
  return hop.sentUs !== null && hop.returnedUs !== null ? hop.returnedUs - hop.sentUs : null;
}
