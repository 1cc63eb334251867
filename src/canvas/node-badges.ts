import { formatMetric, formatMs, formatPercent, formatRate } from '../store/index.ts';
import type { NodeFrame } from '../store/index.ts';

/** What a node's badges show, in order: rate, error share, p99, queue, in flight, busy. */
export type BadgeFigures = [
  rate: string,
  errors: string,
  p99: string,
  queue: string,
  inFlight: string,
  busy: string,
];

const NONE = '–';

/** A gauge as a count: whole numbers as they are, fractions (a token bucket's use) rounded. */
const gauge = (n: number) => formatMetric(n, 'count');

/**
 * The badges' text for a node's latest frame, every figure through the app's one set of
 * formatters (the inspector, charts and summary read the same), so a raw float such as a
 * rate limiter's 92.263466 tokens in use never reaches the node card.
 */
export function badgeFigures(f: NodeFrame | undefined): BadgeFigures {
  const w = f?.window;
  const completed = w?.['completed'] ?? 0;
  return [
    formatRate(w?.['arrivals'] ?? 0),
    formatPercent(completed > 0 ? (w?.['failed'] ?? 0) / completed : 0),
    completed > 0 ? formatMs(w?.['p99Ms'] ?? 0) : NONE,
    gauge(f?.queueDepth ?? 0),
    gauge(f?.inFlight ?? 0),
    f ? `${gauge(f.busy)}/${gauge(f.capacity)}` : NONE,
  ];
}
