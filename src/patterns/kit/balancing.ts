import type { Uniform } from './uniform.ts';

/**
 * Target selection (docs/patterns.md, R9) for the load balancer and the sidecar, pure: given
 * which targets are eligible, their in-flight calls from this balancer, their edge weights
 * and a stream of uniform draws, pick one. Returns -1 when no target is eligible. Never
 * mutates its input.
 *
 * - round-robin: the next eligible target after the previous pick (ineligible ones skipped).
 * - random: uniform over eligible targets (one draw).
 * - least-connections: fewest in-flight calls; ties go to the first one at or after the
 *   round-robin cursor, so a quiet system still spreads its calls.
 * - power-of-two-choices: two distinct eligible targets drawn at random (two draws), the one
 *   with fewer in-flight calls wins (the first drawn on a tie); one eligible target is taken
 *   without drawing.
 * - weighted: NGINX's smooth weighted round robin over eligible targets by edge weight
 *   (deterministic, no draws; weights 5:1:1 give a a b a c a a …).
 * Only `weighted` reads the weights.
 */

export const STRATEGIES = [
  'round-robin',
  'random',
  'least-connections',
  'power-of-two-choices',
  'weighted',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface SelectionInput {
  eligible: readonly boolean[];
  inFlight: readonly number[];
  weights: readonly number[];
}

export interface SelectionState {
  /** Where round robin (and least-connections' tie-break) starts looking next. */
  cursor: number;
  /** Smooth weighted round robin: each target's current weight. */
  current: number[];
}

export interface Selection {
  target: number;
  next: SelectionState;
}

export function initialSelection(targets: number): SelectionState {
  return { cursor: 0, current: new Array<number>(targets).fill(0) };
}

function eligibleList(eligible: readonly boolean[]): number[] {
  const list: number[] = [];
  eligible.forEach((ok, i) => {
    if (ok) list.push(i);
  });
  return list;
}

function roundRobin(input: SelectionInput, s: SelectionState): Selection {
  const n = input.eligible.length;
  for (let k = 0; k < n; k++) {
    const i = (s.cursor + k) % n;
    if (input.eligible[i]) return { target: i, next: { ...s, cursor: (i + 1) % n } };
  }
  return { target: -1, next: s };
}

function leastConnections(input: SelectionInput, s: SelectionState): Selection {
  const n = input.eligible.length;
  let best = -1;
  for (let k = 0; k < n; k++) {
    const i = (s.cursor + k) % n;
    if (!input.eligible[i]) continue;
    if (best < 0 || (input.inFlight[i] ?? 0) < (input.inFlight[best] ?? 0)) best = i;
  }
  return best < 0
    ? { target: -1, next: s }
    : { target: best, next: { ...s, cursor: (best + 1) % n } };
}

function powerOfTwo(input: SelectionInput, s: SelectionState, next: Uniform): Selection {
  const list = eligibleList(input.eligible);
  if (list.length === 0) return { target: -1, next: s };
  if (list.length === 1) return { target: list[0] as number, next: s };
  const a = Math.floor(next() * list.length);
  let b = Math.floor(next() * (list.length - 1));
  if (b >= a) b++;
  const ta = list[a] as number;
  const tb = list[b] as number;
  const target = (input.inFlight[tb] ?? 0) < (input.inFlight[ta] ?? 0) ? tb : ta;
  return { target, next: s };
}

function smoothWeighted(input: SelectionInput, s: SelectionState): Selection {
  const n = input.eligible.length;
  const current = s.current.length === n ? s.current.slice() : new Array<number>(n).fill(0);
  let total = 0;
  let best = -1;
  for (let i = 0; i < n; i++) {
    if (!input.eligible[i]) continue;
    const w = input.weights[i] ?? 1;
    current[i] = (current[i] ?? 0) + w;
    total += w;
    if (best < 0 || (current[i] as number) > (current[best] as number)) best = i;
  }
  if (best < 0) return { target: -1, next: s };
  current[best] = (current[best] as number) - total;
  return { target: best, next: { ...s, current } };
}

export function selectTarget(
  strategy: Strategy,
  input: SelectionInput,
  s: SelectionState,
  next: Uniform,
): Selection {
  switch (strategy) {
    case 'round-robin':
      return roundRobin(input, s);
    case 'random': {
      const list = eligibleList(input.eligible);
      if (list.length === 0) return { target: -1, next: s };
      return { target: list[Math.floor(next() * list.length)] as number, next: s };
    }
    case 'least-connections':
      return leastConnections(input, s);
    case 'power-of-two-choices':
      return powerOfTwo(input, s, next);
    case 'weighted':
      return smoothWeighted(input, s);
  }
}
