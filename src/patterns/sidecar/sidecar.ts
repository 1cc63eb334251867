import type { KindDefinition, MetricSpec } from '../../engine/index.ts';
import {
  attemptAnswered,
  counter,
  failedTotal,
  isCurrentTimer,
  NO_HEALTHY_TARGET,
  onAttemptTimer,
  perArrival,
  ratio,
  startAttempts,
} from '../kit/index.ts';
import { sidecarAttempts } from './attempt-host.ts';
import { sidecarConfigSchema, type SidecarConfig } from './config.ts';
import { routingLabel } from './machine.ts';
import {
  account,
  initialSidecar,
  reconfigure,
  scheduleSweep,
  STATE_ALL_IN,
  STATE_NONE_IN,
  STATE_SOME_OUT,
  sweep,
  TAG_SWEEP,
  type SidecarState,
} from './sidecar-state.ts';

const METRICS: readonly MetricSpec[] = [
  { name: 'attempts', label: 'Attempts (all instances)', unit: 'count' },
  { name: 'retries', label: 'Retries', unit: 'count' },
  { name: 'timeouts', label: 'Attempts timed out', unit: 'count' },
  { name: 'succeededAfterRetry', label: 'Succeeded after a retry', unit: 'count' },
  { name: 'attemptsExhausted', label: 'Failed after all attempts', unit: 'count' },
  { name: 'notRetryable', label: 'Not retried: cause', unit: 'count' },
  { name: 'deadlineExceeded', label: 'Not retried: deadline', unit: 'count' },
  { name: 'callerGone', label: 'Not retried: caller gone', unit: 'count' },
  { name: 'expiredOnArrival', label: 'Deadline passed on arrival', unit: 'count' },
  { name: 'noTarget', label: 'No instance in rotation', unit: 'count' },
  { name: 'ejections', label: 'Outlier ejections', unit: 'count' },
  { name: 'ejectionsSkipped', label: 'Ejections skipped (max %)', unit: 'count' },
  { name: 'readmissions', label: 'Re-admissions', unit: 'count' },
  { name: 'ejectedMs', label: 'Instance time ejected', unit: 'ms' },
  { name: 'state.allInMs', label: 'Time all in rotation', unit: 'ms', state: STATE_ALL_IN },
  { name: 'state.someOutMs', label: 'Time some ejected', unit: 'ms', state: STATE_SOME_OUT },
  { name: 'state.noneInMs', label: 'Time none in rotation', unit: 'ms', state: STATE_NONE_IN },
];

export const sidecarKind: KindDefinition<SidecarConfig, SidecarState> = {
  kind: 'sidecar',
  label: 'Service-mesh sidecar',
  category: 'routing',
  description:
    'An Envoy/Istio-style sidecar proxy in front of the instances of a service (its outgoing edges), composing four patterns in one hop. Weighted traffic split: each attempt goes to an instance by smooth weighted round robin over the edge weights. Per-attempt timeout: an attempt is abandoned after timeoutMs (or the request deadline, if sooner). Retries: a failed or timed-out attempt (its cause or class in retryOn; by default dependency failures, timeouts and overload refusals) is retried up to maxAttempts in all, after a fully jittered exponential backoff from backoffBaseMs up to backoffCapMs, on an instance this request has not tried yet when one is in rotation. Outlier detection: consecutive5xx 5xx in a row (failures of the classes dependency-failure, caller-gone and overload-refusal: error, refused, bad-format, timeout — attempt timeouts included — and queue-full; a 429 or any other answer resets the run) eject an instance for baseEjectionMs × its ejection multiplier, which rises by 1 at each ejection and falls by 1 at each sweep the instance spends in rotation (at most maxEjectionPercent at once); it is re-admitted at the first sweep, every intervalMs, after its ejection ends. Watch the amplification (attempts per request) and the instances in rotation.',
  configSchema: sidecarConfigSchema,
  causes: [NO_HEALTHY_TARGET],
  metrics: METRICS,
  init: initialSidecar,
  start: scheduleSweep,
  stateLabel: (node) => routingLabel(node.state.routing),
  report(f) {
    const get = (k: string) => counter(f, k);
    const stateMs = get('state.allInMs') + get('state.someOutMs') + get('state.noneInMs');
    return {
      amplification: perArrival(f, 'attempts'),
      retriesPerRequest: perArrival(f, 'retries'),
      errorShare: ratio(failedTotal(f), f.arrivals),
      attemptTimeoutShare: ratio(get('timeouts'), get('attempts')),
      succeededAfterRetryShare: perArrival(f, 'succeededAfterRetry'),
      ejections: get('ejections'),
      readmissions: get('readmissions'),
      someEjectedShare: ratio(get('state.someOutMs') + get('state.noneInMs'), stateMs),
    };
  },
  onCall(ctx, node, call) {
    account(ctx, node);
    startAttempts(ctx, sidecarAttempts, node, call);
  },
  onResponse(ctx, node, child) {
    account(ctx, node);
    attemptAnswered(ctx, sidecarAttempts, node, child);
  },
  onTimer(ctx, node, tag, call) {
    account(ctx, node);
    if (onAttemptTimer(ctx, sidecarAttempts, node, tag, call)) return;
    if (tag === TAG_SWEEP && isCurrentTimer(ctx, node.state.timers)) sweep(ctx, node);
  },
  onConfigChange(ctx, node, previous) {
    account(ctx, node);
    reconfigure(ctx, node, previous);
  },
};
