import { formatCount, formatMs, formatPercent, formatRate } from './format.ts';

/** A chart tooltip's value text through one of the app's formatters (non-numbers as they are). */
const tooltip =
  (format: (n: number) => string) =>
  (value: unknown): string =>
    typeof value === 'number' ? format(value) : String(value);

export const msTooltip = tooltip(formatMs);
export const rateTooltip = tooltip(formatRate);
export const countTooltip = tooltip(formatCount);
/** The error-rate chart plots percents (0–100): back to a share for the one percent formatter. */
export const percentTooltip = tooltip((percent) => formatPercent(percent / 100));
