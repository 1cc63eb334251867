import { expect, test } from '@playwright/test';
import { BUILTINS, type BuiltinVariant } from '../src/scenario/index.ts';
import { AppPage } from './support/app-page.ts';

/**
 * Each built-in, opened from the catalogue, opens on its lesson: the watched node selected
 * (the charts scoped to it) and the "What to watch" chart, whose mean over the fault windows
 * differs between `with` and `without` in the declared direction.
 *
 * Budget per built-in: two opens (~2 s each) and two Runs to end (the longest, autoscaling's
 * 6 minutes of virtual time, takes ~3 s here) plus the chart's last fetch: 60 s leaves room
 * for a loaded 2-core machine.
 */
const PER_BUILTIN_MS = 60_000;

for (const b of BUILTINS) {
  test(`${b.id} opens on ${b.watch.figure} of ${b.watch.nodes.join(' and ')}, ${b.watch.withPattern} with the pattern`, async ({
    page,
  }) => {
    test.setTimeout(PER_BUILTIN_MS);
    const app = new AppPage(page);
    await app.open();
    const chart = page.getByTestId('chart-watch');

    const read = async (variant: BuiltinVariant) => {
      const scenario = b.build(variant);
      const first = scenario.nodes.find((n) => n.id === b.watch.nodes[0]);
      await page.getByTestId('catalogue').click();
      const suffix = variant === 'with' ? '' : '-without';
      await page.getByTestId(`catalogue-open-${b.id}${suffix}`).click();
      await expect(page.getByTestId('catalogue-dialog')).toBeHidden();
      // The watched node is selected, so the charts are scoped to it.
      await expect(page.getByTestId('charts-scope')).toHaveText(first?.label ?? '');
      // A fresh run: no chart from the previous document before this one has run.
      await expect(chart).toHaveCount(0);
      await app.runToEnd();
      await expect(chart).toHaveAttribute('data-last-sec', String(scenario.durationMs / 1000));
      await expect(chart).toHaveAttribute('data-figure', b.watch.figure);
      await expect(chart).toHaveAttribute('data-nodes', b.watch.nodes.join(' '));
      await expect(page.getByTestId('watch-caption')).toHaveText(b.watch.caption);
      await expect(page.getByTestId('watch-summary')).toContainText(/Mean .+: /);
      const mean = Number(await chart.getAttribute('data-mean'));
      const second = await chart.getAttribute('data-mean-2');
      return { mean, second: second === '' ? null : Number(second) };
    };

    const on = await read('with');
    const off = await read('without');
    console.log(
      `${b.id}: ${b.watch.nodes.join('+')} ${b.watch.figure} with ${on.mean} (${on.second}), without ${off.mean} (${off.second})`,
    );
    expect(Number.isFinite(on.mean) && Number.isFinite(off.mean)).toBe(true);
    if (b.watch.withPattern === 'lower') expect(on.mean).toBeLessThan(off.mean);
    else expect(on.mean).toBeGreaterThan(off.mean);
    // Two watched nodes: two lines, two means.
    if (b.watch.nodes.length === 2) expect(on.second).not.toBeNull();
  });
}
