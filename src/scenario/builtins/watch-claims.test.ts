import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createSimulation, type SeriesView, type SimScenario } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { METRIC_FIGURE_PREFIX, watchFigure } from '../watch-figures.ts';
import { faultSpans, watchMean, watchRows } from '../watch-series.ts';
import { BUILTINS } from './index.ts';

/** One run of a built-in variant: ≤ 560 ms here (as in catalogue.test.ts). */
const BUILTIN_RUN_MS = 800;

/** The clients' requests per window, as the app's system series sums them. */
function clientsSent(scenario: SimScenario, series: (id: string) => SeriesView): SeriesView {
  const views = scenario.nodes.filter((n) => n.kind === 'client').map((n) => series(n.id));
  const first = views[0] as SeriesView;
  const arrivals = first.startMs.map((_, i) =>
    views.reduce((sum, v) => sum + (v.fields['arrivals']?.[i] ?? 0), 0),
  );
  return { startMs: first.startMs, durationMs: first.durationMs, fields: { arrivals } };
}

/** The watched figure's mean per watched node, over the fault windows (or the run). */
function watchedMeans(scenario: SimScenario): (number | null)[] {
  const watch = scenario.meta.watch;
  if (!watch) throw new Error('no watch');
  const sim = createSimulation(scenario, { registry: REGISTRY });
  sim.runToEnd();
  const kind = scenario.nodes.find((n) => n.id === watch.nodes[0])?.kind ?? '';
  const metric = REGISTRY.get(kind)?.metrics.find(
    (m) => METRIC_FIGURE_PREFIX + m.name === watch.figure,
  );
  const figure = watchFigure(watch.figure, metric);
  if (!figure) throw new Error(`unknown figure ${watch.figure}`);
  const series = (id: string) => sim.series(id, 'whole');
  const rows = watchRows(watch.nodes.map(series), clientsSent(scenario, series), figure);
  const spans = watch.over === 'run' ? [] : faultSpans(scenario.faults, scenario.durationMs);
  return watch.nodes.map((_, line) => watchMean(rows, line, spans));
}

describe('every built-in declares a watch that shows its claim, headless', () => {
  for (const b of BUILTINS) {
    it(
      `${b.id}: ${b.watch.figure} of ${b.watch.nodes.join(' and ')} is ${b.watch.withPattern} with the pattern`,
      budget(2, BUILTIN_RUN_MS),
      () => {
        const on = b.build('with');
        const off = b.build('without');
        expect(on.meta.watch).toEqual(b.watch);
        expect(off.meta.watch).toEqual(b.watch);
        const [withMean] = watchedMeans(on);
        const [withoutMean] = watchedMeans(off);
        if (withMean == null || withoutMean == null) throw new Error('no mean');
        // A difference anyone sees on the chart: at least a fifth of the larger value.
        const gap = Math.abs(withMean - withoutMean) / Math.max(withMean, withoutMean);
        expect(gap).toBeGreaterThan(0.2);
        if (b.watch.withPattern === 'lower') expect(withMean).toBeLessThan(withoutMean);
        else expect(withMean).toBeGreaterThan(withoutMean);
      },
    );
  }
});
