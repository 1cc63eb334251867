import { z } from 'zod';

/**
 * Server-side load shedding (docs/patterns.md, R12) over plain data: the shedder sits in front of a
 * service and knows how many calls it forwarded that are still unanswered ("outstanding":
 * queued or running in the service). Every function returns a new state.
 *
 * A new call is shed when
 * - `maxOutstanding` is set and outstanding ≥ maxOutstanding, or
 * - `maxQueueDelayMs` is set and the estimated queueing delay > maxQueueDelayMs. The estimate
 *   is Little's law read backwards: outstanding ÷ recent throughput, the time the service
 *   needs to work off what it already holds — what a new call should expect to wait.
 *   Throughput = answers in the last second (10 buckets of 100 ms) ÷ the time covered (less
 *   than a second only right after the first forwarded call). When the last second saw no
 *   answer, the last throughput measured stands in (so an idle spell does not read as a dead
 *   service, and a hung one reads as ever slower); before the first answer there is no
 *   estimate and only `maxOutstanding` applies.
 */

export const RATE_BUCKETS = 10;
export const RATE_BUCKET_MS = 100;
const BUCKET_US = RATE_BUCKET_MS * 1000;
const WINDOW_US = RATE_BUCKETS * BUCKET_US;

export const shedderConfigSchema = z.strictObject({
  /**
   * Queued + running calls behind the shedder, not the queue alone: the shedder is its own
   * node and cannot tell waiting calls from running ones. For a queue limit of Q in front of
   * W workers, set W + Q. Null = no limit.
   */
  maxOutstanding: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullable()
    .default(100)
    .meta({ noneLabel: 'No limit' }),
  maxQueueDelayMs: z
    .number()
    .positive()
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No delay limit', suggested: 500 }),
});
export type ShedderConfig = z.infer<typeof shedderConfigSchema>;

export interface ShedderState {
  outstanding: number;
  /** Answers per 100 ms bucket; bucket of index e is at e mod RATE_BUCKETS. */
  answers: number[];
  epoch: number;
  answersInWindow: number;
  /** The last throughput measured (answers per second); null before the first answer. */
  lastRatePerSec: number | null;
  /** When the first call was forwarded (µs); null before. */
  firstForwardUs: number | null;
}

export type ShedReason = 'outstanding' | 'delay';

export interface Admission {
  shed: boolean;
  reason: ShedReason | null;
  /** The queueing-delay estimate used (ms); null when there is none yet. */
  estimatedDelayMs: number | null;
  next: ShedderState;
}

export function initialShedder(): ShedderState {
  return {
    outstanding: 0,
    answers: new Array<number>(RATE_BUCKETS).fill(0),
    epoch: 0,
    answersInWindow: 0,
    lastRatePerSec: null,
    firstForwardUs: null,
  };
}

function advance(s: ShedderState, nowUs: number): ShedderState {
  const epoch = Math.floor(nowUs / BUCKET_US);
  if (epoch <= s.epoch) return s;
  const answers = [...s.answers];
  let total = s.answersInWindow;
  const steps = Math.min(RATE_BUCKETS, epoch - s.epoch);
  for (let i = 1; i <= steps; i++) {
    const slot = (s.epoch + i) % RATE_BUCKETS;
    total -= answers[slot] as number;
    answers[slot] = 0;
  }
  return { ...s, answers, epoch, answersInWindow: total };
}

/** Answers per second over the last second at `nowUs`, or the last figure when it saw none. */
export function throughputPerSec(state: ShedderState, nowUs: number): number | null {
  const s = advance(state, nowUs);
  if (s.answersInWindow === 0 || s.firstForwardUs === null) return s.lastRatePerSec;
  const coveredUs = Math.min(WINDOW_US, Math.max(BUCKET_US, nowUs - s.firstForwardUs));
  return (s.answersInWindow * 1_000_000) / coveredUs;
}

export function estimatedDelayMs(s: ShedderState, nowUs: number): number | null {
  const rate = throughputPerSec(s, nowUs);
  if (rate === null) return null;
  if (s.outstanding === 0) return 0;
  return rate > 0 ? (s.outstanding / rate) * 1000 : Infinity;
}

/** A call arrives: shed it or let it through (then call `forwarded`). */
export function admit(cfg: ShedderConfig, state: ShedderState, nowUs: number): Admission {
  const s = advance(state, nowUs);
  const estimate = estimatedDelayMs(s, nowUs);
  let reason: ShedReason | null = null;
  if (cfg.maxOutstanding !== null && s.outstanding >= cfg.maxOutstanding) reason = 'outstanding';
  else if (cfg.maxQueueDelayMs !== null && estimate !== null && estimate > cfg.maxQueueDelayMs)
    reason = 'delay';
  return { shed: reason !== null, reason, estimatedDelayMs: estimate, next: s };
}

export function forwarded(s: ShedderState, nowUs: number): ShedderState {
  return {
    ...s,
    outstanding: s.outstanding + 1,
    firstForwardUs: s.firstForwardUs ?? nowUs,
  };
}

/** A forwarded call was answered (success or failure): it no longer occupies the service. */
export function answered(state: ShedderState, nowUs: number): ShedderState {
  const s = advance(state, nowUs);
  const answers = [...s.answers];
  const slot = s.epoch % RATE_BUCKETS;
  answers[slot] = (answers[slot] as number) + 1;
  const next: ShedderState = {
    ...s,
    outstanding: Math.max(0, s.outstanding - 1),
    answers,
    answersInWindow: s.answersInWindow + 1,
  };
  return { ...next, lastRatePerSec: throughputPerSec(next, nowUs) };
}
