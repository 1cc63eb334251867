// Figures read the same everywhere: the one set of formatters comes with the run's outputs.
export { formatCauses, formatCount, formatMs, formatPercent, formatRate } from '../store/index.ts';

const DASH = '–';

/** Axis time: '45 s' under a minute, then 'm:ss' or 'h:mm:ss'. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return DASH;
  const total = Math.round(seconds);
  if (Math.abs(total) < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
