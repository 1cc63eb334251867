import type { NodeFrame } from '../engine/index.ts';
import { frameDiagnosis } from './node-diagnosis.ts';
import {
  ALL_BUSY_UTILIZATION,
  BACKLOG_SECONDS,
  BASELINE_WINDOWS,
  EMPTY_TREND,
  SATURATION_WINDOWS,
  saturated,
  SLOW_ENTER_FACTOR,
  SLOW_LEAVE_FACTOR,
  SLOW_MIN_EXTRA_MS,
  type NodeTrend,
} from './node-trend.ts';

/** A node's health, worst first; the canvas colours each tone (`cnode__status--<tone>`). */
export type Health =
  'down' | 'stuck' | 'failing' | 'saturated' | 'slow' | 'degraded' | 'ok' | 'idle';

export interface NodeStatus {
  health: Health;
  /** Shown in words next to the colour: state is never told by colour alone. */
  text: string;
}

/** Failure shares of the last window from which a node reads Failing, and Degraded. */
export const FAILING_SHARE = 0.25;
export const DEGRADED_SHARE = 0.01;

const pct = (share: number) => `${Math.round(share * 100)} %`;

/**
 * The words a node's status can read and the rule behind each, worst first: the legend (help
 * dialog), the tooltips and the README say exactly this. The first rule that holds wins.
 */
export const STATUS_WORDS: readonly { health: Health; words: string; rule: string }[] = [
  { health: 'down', words: 'Crashed · Hung', rule: 'A crash or hang fault is in force.' },
  {
    health: 'stuck',
    words: 'Stuck',
    rule:
      'Every worker (a client: every request in flight) is waiting on a call that will never ' +
      'be answered — lost to a partition or held by a hung node — and no timeout is set on ' +
      'it. The inspector and the row above the canvas say how many wait and how many queue.',
  },
  {
    health: 'failing',
    words: 'Failing',
    rule: `At least ${pct(FAILING_SHARE)} of the calls it answered in the last second failed.`,
  },
  {
    health: 'saturated',
    words: 'Saturated',
    rule:
      `Every worker busy (≥ ${pct(ALL_BUSY_UTILIZATION)} of the time) in each of the last ` +
      `${SATURATION_WINDOWS} seconds, and the queue growing over them or holding at least ` +
      `${BACKLOG_SECONDS} s of work.`,
  },
  {
    health: 'slow',
    words: 'Slow',
    rule:
      `p99 of the last second above ${SLOW_ENTER_FACTOR}× its baseline (and at least ` +
      `${SLOW_MIN_EXTRA_MS} ms above it), until it falls below ${SLOW_LEAVE_FACTOR}×. The ` +
      `baseline is the median p99 of its first ${BASELINE_WINDOWS} healthy seconds, so nothing ` +
      `reads Slow before it has one.`,
  },
  {
    health: 'degraded',
    words: 'Degraded',
    rule: `At least ${pct(DEGRADED_SHARE)} of the calls it answered in the last second failed.`,
  },
  { health: 'ok', words: 'OK', rule: 'It has traffic and none of the above holds.' },
  { health: 'idle', words: 'Idle', rule: 'No calls have reached it yet.' },
];

const RULES = new Map(STATUS_WORDS.map((s) => [s.health, s.rule]));
/** The rule behind a tone, for a tooltip. */
export function statusRule(health: Health): string {
  return RULES.get(health) ?? '';
}

/**
 * A node's status from its latest frame and its trend (`observe`). Pure. A crash or hang
 * overrides everything; then every worker stuck on a call nothing will end (Stuck), the last
 * window's failure share (Failing), saturation, slowness, a smaller failure share (Degraded),
 * and OK or Idle.
 */
export function nodeStatus(
  frame: NodeFrame | undefined,
  trend: NodeTrend = EMPTY_TREND,
): NodeStatus {
  if (!frame) return { health: 'idle', text: 'Idle' };
  if (frame.crashed) return { health: 'down', text: 'Crashed' };
  if (frame.hung) return { health: 'down', text: 'Hung' };
  if (frameDiagnosis(frame, 'node')?.all) return { health: 'stuck', text: 'Stuck' };
  const w = frame.window;
  const completed = w ? (w['completed'] ?? 0) : 0;
  const share = completed > 0 ? (w?.['failed'] ?? 0) / completed : 0;
  if (share >= FAILING_SHARE) return { health: 'failing', text: 'Failing' };
  if (saturated(trend)) return { health: 'saturated', text: 'Saturated' };
  if (trend.slow) return { health: 'slow', text: 'Slow' };
  if (share >= DEGRADED_SHARE) return { health: 'degraded', text: 'Degraded' };
  if (completed > 0 || frame.arrivals > 0) return { health: 'ok', text: 'OK' };
  return { health: 'idle', text: 'Idle' };
}
