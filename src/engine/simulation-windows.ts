import { US_PER_MS } from './kernel/time.ts';
import type { SimulationCore } from './simulation.ts';

/** Closes every full metrics window that ends at or before `timeUs`. */
export function closeWindowsUpTo(core: SimulationCore, timeUs: number): void {
  while (core.windowStartUs + core.windowUs <= timeUs) {
    closeWindow(core, core.windowStartUs + core.windowUs);
  }
}

/** Closes the open window at `endUs` (the run's end may cut the last window short). */
export function closeWindow(core: SimulationCore, endUs: number): void {
  const startMs = core.windowStartUs / US_PER_MS;
  for (const s of core.stats) s.closeWindow(startMs, endUs);
  for (const e of core.edges) e.stats.closeWindow();
  core.windowStartUs = endUs;
  core.windowsClosed++;
}
