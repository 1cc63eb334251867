import { z } from 'zod';
import { CAUSE_CLASSES, causeListed, type CauseClass } from '../../engine/index.ts';

/**
 * Deciding whether a failure "counts" by its class (kit/causes.ts, the engine's causes), so
 * a new kind's causes are handled right without editing anyone's list. Lists in configs may
 * name classes or single causes; an exact name always matches, so old documents that list
 * causes by name keep working as before.
 */

/** Anything that knows the class of a cause: the simulation context, or a kind registry. */
export interface CauseClassifier {
  causeClass(cause: string): CauseClass | undefined;
}

/** True when a failure with `cause` is in `list`, by its own name or by its class. */
export function causeMatches(
  list: readonly string[],
  cause: string,
  classes: CauseClassifier,
): boolean {
  return causeListed(list, cause, (c) => classes.causeClass(c));
}

/**
 * The dependency is in trouble: it failed at the work (error, refused, bad-format), gave no
 * answer in time (timeout) or is overloaded itself (queue-full). What retry, the circuit
 * breaker and outlier detection count by default; a limiter asking for less load
 * (policy-refusal), a breaker failing fast and a missing route are not the dependency's
 * health, and a client error is never worth another try.
 */
export const TROUBLE_CLASSES: readonly CauseClass[] = [
  'dependency-failure',
  'caller-gone',
  'overload-refusal',
];

/** Every failure but the caller's own mistake: what a fallback covers by default. */
export const DEGRADABLE_CLASSES: readonly CauseClass[] = CAUSE_CLASSES.filter(
  (c) => c !== 'client-error',
);

/**
 * The backend pushed the request back or never answered in time: an overload refusal, a
 * limiter's refusal, a timeout. Not an "accept" for adaptive throttling.
 */
export const PUSH_BACK_CLASSES: readonly CauseClass[] = [
  'overload-refusal',
  'policy-refusal',
  'caller-gone',
];

/** A config's list of failure causes or classes, defaulting to `defaults`. */
export function causeListSchema(defaults: readonly string[]) {
  return z
    .array(z.string().min(1).max(64))
    .max(64)
    .default(() => [...defaults]);
}
