import { z } from 'zod';
import type { CauseClass } from '../../engine/index.ts';
import { TROUBLE_CLASSES, type CauseClassifier } from './cause-classes.ts';
import { IN_PERCENT } from './field-meta.ts';

/**
 * Outlier detection (passive health checking; docs/patterns.md, E3) as pure functions over plain
 * data, after Envoy's consecutive-5xx detector:
 *
 * - Faultline has no status codes: failures of the classes in `OUTLIER_5XX_CLASSES`
 *   (dependency-failure, caller-gone, overload-refusal — a server error or unreadable answer,
 *   a refused connection, an attempt timeout, a 503 from a full queue) count as 5xx, as Envoy
 *   maps connect failures, resets and timeouts to 5xx; the kind passes its context, which
 *   knows every cause's class. Any other answer resets the count, as Envoy resets it on any non-5xx
 *   response: a success, and also a rejection that says "less traffic" rather than "broken"
 *   (rate-limited = 429, circuit-open, bulkhead-full, throttled, shed, …).
 * - `consecutive5xx` 5xx in a row eject the host at once — if no host is ejected yet, or
 *   if ejecting it keeps the ejected share ≤ `maxEjectionPercent` of all hosts. Otherwise the
 *   ejection is skipped and the count starts again.
 * - An ejection lasts `baseEjectionMs` × the host's ejection multiplier, which grows by one on
 *   every ejection (so it equals the times ejected only while the host never stays healthy
 *   through a sweep). Outcomes from an ejected host (calls sent before) are ignored.
 * - Sweeps every `intervalMs` re-admit hosts whose ejection is over (with a fresh count); a
 *   host that is not ejected at a sweep has its multiplier lowered by one (not below 0), so a
 *   host that stays healthy earns back short ejections.
 */

/**
 * What counts as a 5xx (a server failure): the failure classes that say the host is in
 * trouble (`TROUBLE_CLASSES`: error, refused, bad-format, timeout, queue-full); any other
 * answer resets the count.
 */
export const OUTLIER_5XX_CLASSES: readonly CauseClass[] = TROUBLE_CLASSES;

/** True when an answer with this cause (null = a success) counts as a 5xx. */
export function is5xx(cause: string | null, classes: CauseClassifier): boolean {
  if (cause === null) return false;
  const cls = classes.causeClass(cause);
  return cls !== undefined && OUTLIER_5XX_CLASSES.includes(cls);
}

export const outlierConfigSchema = z.strictObject({
  consecutive5xx: z.number().int().min(1).max(1000).default(5).meta({ title: 'Consecutive 5xx' }),
  baseEjectionMs: z.number().min(0).default(30_000),
  maxEjectionPercent: z.number().min(0).max(100).default(50).meta(IN_PERCENT),
  intervalMs: z.number().positive().default(10_000),
});
export type OutlierConfig = z.infer<typeof outlierConfigSchema>;

export interface HostOutlier {
  consecutive: number;
  ejected: boolean;
  /** End of the current ejection (µs); meaningful while ejected. */
  ejectedUntilUs: number;
  /** Ejection multiplier: +1 per ejection, −1 per sweep spent in rotation. */
  multiplier: number;
}

export interface OutlierState {
  hosts: HostOutlier[];
}

export type OutlierEvent = 'ejected' | 'ejection-skipped';

export interface OutlierOutcome {
  next: OutlierState;
  event: OutlierEvent | null;
  /** Length of the ejection that just started (ms); 0 otherwise. */
  ejectionMs: number;
}

export function initialOutlier(hosts: number): OutlierState {
  return {
    hosts: Array.from({ length: hosts }, () => ({
      consecutive: 0,
      ejected: false,
      ejectedUntilUs: 0,
      multiplier: 0,
    })),
  };
}

export function ejectedCount(s: OutlierState): number {
  let n = 0;
  for (const h of s.hosts) if (h.ejected) n++;
  return n;
}

/** May one more host be ejected now? Envoy ejects the first one whatever the percentage. */
export function mayEject(cfg: OutlierConfig, s: OutlierState): boolean {
  const ejected = ejectedCount(s);
  return ejected === 0 || (100 * (ejected + 1)) / s.hosts.length <= cfg.maxEjectionPercent;
}

function replace(s: OutlierState, i: number, h: HostOutlier): OutlierState {
  const hosts = s.hosts.slice();
  hosts[i] = h;
  return { hosts };
}

/** The answer of a call to host `i` arrived: `cause` is its failure cause, null for a success. */
export function onOutcome(
  cfg: OutlierConfig,
  s: OutlierState,
  i: number,
  cause: string | null,
  nowUs: number,
  classes: CauseClassifier,
): OutlierOutcome {
  const h = s.hosts[i];
  if (!h || h.ejected) return { next: s, event: null, ejectionMs: 0 };
  if (!is5xx(cause, classes)) {
    const next = h.consecutive === 0 ? s : replace(s, i, { ...h, consecutive: 0 });
    return { next, event: null, ejectionMs: 0 };
  }
  const consecutive = h.consecutive + 1;
  if (consecutive < cfg.consecutive5xx) {
    return { next: replace(s, i, { ...h, consecutive }), event: null, ejectionMs: 0 };
  }
  if (!mayEject(cfg, s)) {
    return {
      next: replace(s, i, { ...h, consecutive: 0 }),
      event: 'ejection-skipped',
      ejectionMs: 0,
    };
  }
  const multiplier = h.multiplier + 1;
  const ejectionMs = cfg.baseEjectionMs * multiplier;
  const ejectedUntilUs = nowUs + Math.round(ejectionMs * 1000);
  return {
    next: replace(s, i, { consecutive: 0, ejected: true, ejectedUntilUs, multiplier }),
    event: 'ejected',
    ejectionMs,
  };
}

/** The periodic sweep: re-admits hosts whose ejection is over; lists them. */
export function onSweep(
  s: OutlierState,
  nowUs: number,
): { next: OutlierState; readmitted: number[] } {
  const readmitted: number[] = [];
  const hosts = s.hosts.map((h, i) => {
    if (h.ejected) {
      if (nowUs < h.ejectedUntilUs) return h;
      readmitted.push(i);
      return { ...h, ejected: false, consecutive: 0 };
    }
    return h.multiplier > 0 ? { ...h, multiplier: h.multiplier - 1 } : h;
  });
  return { next: { hosts }, readmitted };
}
