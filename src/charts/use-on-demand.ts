import { useCallback, useState } from 'react';

export interface OnDemand {
  /** True once the pointer has entered the chart or focus has reached it; it stays true. */
  wanted: boolean;
  /** For the element around the chart. */
  handlers: { onPointerEnter(): void; onFocus(): void };
}

/**
 * A chart's tooltip is mounted the first time someone points at the chart or tabs into it,
 * not with the chart: Recharts' Tooltip registers a dozen selectors with the chart's store, a
 * large share of a chart's first draw (with the HTML legend: a third off a chart's mount), and
 * most charts drawn at the end of a run are never hovered.
 */
export function useOnDemand(): OnDemand {
  const [wanted, setWanted] = useState(false);
  const want = useCallback(() => setWanted(true), []);
  return { wanted, handlers: { onPointerEnter: want, onFocus: want } };
}
