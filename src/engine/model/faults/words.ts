// Small wording helpers shared by the fault types' one-line summaries.

/** A share 0–1 as a percentage: 0.5 → "50%", 0.125 → "12.5%". */
export function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}
