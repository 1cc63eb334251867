import type { ChartRow } from './chart-rows.ts';
import type { FaultBand } from './fault-bands.ts';

/** What every chart takes; the panel keeps each prop's identity while its data is unchanged. */
export interface TimeChartProps {
  rows: readonly ChartRow[];
  /** x-axis domain, seconds of virtual time. */
  domain: [number, number];
  /** Fault windows already clipped to the domain. */
  bands: readonly FaultBand[];
}
