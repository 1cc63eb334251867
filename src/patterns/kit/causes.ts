import type { CauseDefinition } from '../../engine/index.ts';

/**
 * Failure causes that more than one kind answers with, each declared once with its class
 * (the engine's own — error, refused, timeout, queue-full, no-route — are the engine's). A
 * kind lists the ones it produces in its `causes` and answers with `X.cause`; patterns that
 * decide whether a failure counts (retry, breaker, fallback, throttle, outlier detection)
 * match the class, so they need no list of these names.
 */

/** A circuit breaker (the kind, or a gateway route's) failed the call fast. */
export const CIRCUIT_OPEN: CauseDefinition = {
  cause: 'circuit-open',
  class: 'fast-failure',
  label: 'the circuit breaker was open',
};

/** A rate limit (the kind, or a gateway route's) turned the call away: HTTP 429. */
export const RATE_LIMITED: CauseDefinition = {
  cause: 'rate-limited',
  class: 'policy-refusal',
  label: 'over the rate limit',
};

/** A bulkhead had every permit taken and its wait queue full, or the wait took too long. */
export const BULKHEAD_FULL: CauseDefinition = {
  cause: 'bulkhead-full',
  class: 'policy-refusal',
  label: 'no bulkhead permit',
};

/** A load shedder refused the call to keep the service behind it out of overload. */
export const SHED: CauseDefinition = {
  cause: 'shed',
  class: 'policy-refusal',
  label: 'shed to protect an overloaded service',
};

/** An adaptive throttle rejected the call locally: its backend has been refusing work. */
export const THROTTLED: CauseDefinition = {
  cause: 'throttled',
  class: 'policy-refusal',
  label: 'throttled before reaching the backend',
};

/** The caller's credentials failed: HTTP 401, never worth retrying. */
export const UNAUTHORIZED: CauseDefinition = {
  cause: 'unauthorized',
  class: 'client-error',
  label: 'the credentials failed',
};

/** Every target of a router is out of rotation (down, ejected or unregistered). */
export const NO_HEALTHY_TARGET: CauseDefinition = {
  cause: 'no-healthy-target',
  class: 'no-route',
  label: 'no target in rotation',
};

/** A consumer could not read an answer: a value its model never documented. */
export const BAD_FORMAT: CauseDefinition = {
  cause: 'bad-format',
  class: 'dependency-failure',
  label: 'an answer in a format the consumer cannot read',
};

/** A broker (queue, topic, log, buffer) was at its capacity and refused the publish. */
export const BROKER_FULL: CauseDefinition = {
  cause: 'broker-full',
  class: 'overload-refusal',
  label: 'the broker was full',
};
