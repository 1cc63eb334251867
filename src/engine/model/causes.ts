/**
 * Failure causes are open-ended strings; each is declared once, by the kind that produces
 * it, with a class saying what kind of failure it is. Patterns that must decide whether a
 * failure "counts" (retry, circuit breaker, fallback, adaptive throttling, outlier detection)
 * decide by class, so a new kind's causes are handled right without editing their lists.
 */
export type CauseClass =
  /** The dependency failed at the work: a server error, a refused connection, a bad answer. */
  | 'dependency-failure'
  /** No answer in time: the caller stopped waiting (a timeout). */
  | 'caller-gone'
  /** The dependency itself is saturated and turned the call away (a full queue, a 503). */
  | 'overload-refusal'
  /** A protective limiter asked for less load (rate limit, bulkhead, shedding, throttling). */
  | 'policy-refusal'
  /** A circuit breaker failed fast instead of calling a dependency it believes is down. */
  | 'fast-failure'
  /** Nowhere to send the call: no route, no healthy target. */
  | 'no-route'
  /** The caller's own mistake, never worth retrying (a 4xx such as unauthorized). */
  | 'client-error';

/** Every class, in the order they are listed to people. */
export const CAUSE_CLASSES: readonly CauseClass[] = [
  'dependency-failure',
  'caller-gone',
  'overload-refusal',
  'policy-refusal',
  'fast-failure',
  'no-route',
  'client-error',
];

/** Failure causes are open-ended strings; these are the engine's own. */
export const Cause = {
  Error: 'error',
  Timeout: 'timeout',
  Refused: 'refused',
  QueueFull: 'queue-full',
  NoRoute: 'no-route',
  /** A poisoned message: every attempt to process it fails (the `poison` fault). */
  Poison: 'poison-message',
} as const;

/** One failure cause a kind may answer with. */
export interface CauseDefinition {
  cause: string;
  class: CauseClass;
  /** What it means, in a few words: "the circuit was open". */
  label: string;
}

/** The engine's own causes (every kind may answer with these). */
export const ENGINE_CAUSES: readonly CauseDefinition[] = [
  { cause: Cause.Error, class: 'dependency-failure', label: 'the work failed' },
  { cause: Cause.Refused, class: 'dependency-failure', label: 'the process was down' },
  { cause: Cause.Timeout, class: 'caller-gone', label: 'no answer in time' },
  { cause: Cause.QueueFull, class: 'overload-refusal', label: 'the wait queue was full' },
  { cause: Cause.NoRoute, class: 'no-route', label: 'nowhere to send the call' },
  { cause: Cause.Poison, class: 'client-error', label: 'the message cannot be processed' },
];

/**
 * True when a failure with `cause` is listed in `list`, by its own name or by its class
 * (`classOf` answers for the causes a registry knows). Lists in configs may name either.
 */
export function causeListed(
  list: readonly string[],
  cause: string,
  classOf: (cause: string) => CauseClass | undefined,
): boolean {
  if (list.includes(cause)) return true;
  const cls = classOf(cause);
  return cls !== undefined && list.includes(cls);
}
