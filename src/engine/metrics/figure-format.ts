/**
 * How figures read to people, everywhere they appear — a node's badge, the inspector, the
 * charts, the summary table and the CLI's report — so the same p99 reads the same. Locale-free
 * (fixed '.' decimals, no grouping) so text is the same on every machine and in tests.
 */

const DASH = '–';

/** Drops a trailing '.0' ('12.0' → '12'). */
function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** Latency: 2 decimals under 10 ms, 1 under 1 s, then seconds ('3.25 ms', '120.4 ms', '1.25 s'). */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const abs = Math.abs(ms);
  if (abs < 10) return `${ms.toFixed(2)} ms`;
  if (abs < 999.95) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A 0..1 fraction as a percent with one decimal; tiny non-zero shares read '<0.1%'. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return DASH;
  const percent = fraction * 100;
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return `${trimZero(percent.toFixed(1))}%`;
}

const UNITS = ['', 'k', 'M', 'G'] as const;

/** Compact count: '950', '1.2k', '12.3k', '123k', '4.5M'. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return DASH;
  const sign = n < 0 ? '-' : '';
  let value = Math.abs(n);
  if (value < 1000) return `${sign}${Math.round(value)}`;
  let unit = 0;
  while (unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
    // Move on when rounding would print '1000k' rather than '1M'.
    const rounded = value < 100 ? Math.round(value * 10) / 10 : Math.round(value);
    if (rounded < 1000) break;
  }
  const text = value < 100 ? trimZero(value.toFixed(1)) : String(Math.round(value));
  return `${sign}${text}${UNITS[unit]}`;
}

/**
 * A whole count in a sentence, exact, its digits grouped by threes with a no-break space
 * ('950', '12 000', '179 634'): a diagnosis is read, not compared in a table.
 */
export function formatWhole(n: number): string {
  if (!Number.isFinite(n)) return DASH;
  const digits = String(Math.round(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return n < 0 ? `-${grouped}` : grouped;
}

/** Rate per second: one decimal under 1000 ('12.5/s'), compact above ('1.2k/s'). */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return DASH;
  if (Math.abs(perSecond) < 999.95) return `${trimZero(perSecond.toFixed(1))}/s`;
  return `${formatCount(perSecond)}/s`;
}

/**
 * 'timeout 3, refused 2' — causes alphabetical, zero counts left out; '–' if none. Counts are
 * exact ('circuit-open 3112', not '3.1k'): the summary table and the CLI's report that show
 * them are read for their figures, and their other count columns are exact too.
 */
export function formatCauses(failed: Readonly<Record<string, number>>): string {
  const parts = Object.keys(failed)
    .sort()
    .filter((cause) => (failed[cause] ?? 0) > 0)
    .map((cause) => `${cause} ${String(failed[cause] ?? 0)}`);
  return parts.length ? parts.join(', ') : DASH;
}

/** A kind's declared counter in its unit: a duration, a share, a rate, else a plain number. */
export function formatMetric(n: number, unit: string): string {
  switch (unit) {
    case 'ms':
      return formatMs(n);
    case 'ratio':
      return formatPercent(n);
    case 'per-sec':
      return formatRate(n);
    default:
      return Number.isInteger(n) ? String(n) : n.toFixed(1);
  }
}
