/** The results panel's height, px: what it opens at and how far it may be dragged. */
export const RESULTS_DEFAULT_PX = 330;
export const RESULTS_MIN_PX = 160;
/** The canvas keeps at least this much of the column above the panel. */
export const CANVAS_MIN_PX = 200;
/** One arrow-key press on the divider. */
export const RESULTS_STEP_PX = 24;
export const RESULTS_HEIGHT_KEY = 'faultline.resultsHeightPx';

/** `heightPx` within the panel's bounds for a column `columnPx` tall (min wins if it is short). */
export function clampResultsHeight(heightPx: number, columnPx: number): number {
  const max = Math.max(RESULTS_MIN_PX, columnPx - CANVAS_MIN_PX);
  if (!Number.isFinite(heightPx)) return Math.min(RESULTS_DEFAULT_PX, max);
  return Math.round(Math.min(max, Math.max(RESULTS_MIN_PX, heightPx)));
}

/** The remembered height, or the default when there is none or it is not a number. */
export function readResultsHeight(storage: Pick<Storage, 'getItem'> | null): number {
  try {
    const raw = storage?.getItem(RESULTS_HEIGHT_KEY);
    const value = raw === null || raw === undefined ? NaN : Number(raw);
    return Number.isFinite(value) && value > 0 ? value : RESULTS_DEFAULT_PX;
  } catch {
    return RESULTS_DEFAULT_PX; // storage disabled
  }
}

export function writeResultsHeight(storage: Pick<Storage, 'setItem'> | null, px: number): void {
  try {
    storage?.setItem(RESULTS_HEIGHT_KEY, String(Math.round(px)));
  } catch {
    /* storage full or disabled: the size lasts for this tab */
  }
}
