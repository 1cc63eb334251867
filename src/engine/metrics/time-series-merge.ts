/** Merge rules of time-series fields: how two adjacent spans combine into one. */

export type MergeRule = 'sum' | 'max' | 'last' | 'mean' | 'weighted-mean';

export const MERGE_RULES: readonly MergeRule[] = ['sum', 'max', 'last', 'mean', 'weighted-mean'];

/**
 * Combines an earlier value `a` (covering `da` ms, weight `wa`) with a later value `b`.
 * A side covering no time is a gap and contributes nothing, whatever the rule.
 */
export function combine(
  rule: MergeRule,
  a: number,
  da: number,
  wa: number,
  b: number,
  db: number,
  wb: number,
): number {
  if (db === 0) return a;
  if (da === 0) return b;
  switch (rule) {
    case 'sum':
      return a + b;
    case 'max':
      return a > b ? a : b;
    case 'last':
      return b;
    case 'mean':
      return (a * da + b * db) / (da + db);
    case 'weighted-mean': {
      const w = wa + wb;
      // No weight on either side: fall back to the duration-weighted mean, which is the plain
      // mean for equal spans and, unlike a pairwise plain mean, does not depend on grouping.
      return w > 0 ? (a * wa + b * wb) / w : (a * da + b * db) / (da + db);
    }
  }
}
