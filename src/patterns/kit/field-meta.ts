/**
 * Display metadata shared by pattern config fields (`.meta(…)`, read by the inspector through
 * the JSON Schema). A share in the closed range 0–1 is the engine's `share()`; these cover the
 * other ways a field holds a percentage.
 */

/** A share 0–1 with an open bound (a threshold above 0, a percentile below 1), shown as %. */
export const AS_PERCENT = { unit: '%', scale: 100 } as const;

/** A value already stored in percent (0–100), shown with its unit. */
export const IN_PERCENT = { unit: '%' } as const;
