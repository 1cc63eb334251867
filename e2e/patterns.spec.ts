import { expect, test } from '@playwright/test';
import { ALL_KINDS, BUILTINS } from '../src/scenario/index.ts';
import { AppPage } from './support/app-page.ts';

const PATTERN_KINDS = ALL_KINDS.filter((k) => !['client', 'service', 'database'].includes(k.kind));

test('every pattern kind is in the palette and gets an inspector form generated from its schema', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  expect(PATTERN_KINDS.length).toBeGreaterThanOrEqual(18);
  for (const kind of PATTERN_KINDS) {
    await page.getByTestId('palette-search').fill(kind.label);
    await page.getByTestId(`palette-${kind.kind}`).click();
    const inspector = page.getByTestId('inspector-node');
    await expect(inspector).toBeVisible();
    await expect(page.getByTestId('inspector-kind')).toContainText(kind.label);
    // At least one editable or read-only field generated from the config schema.
    await expect(inspector.locator('[data-testid^="field-"]').first()).toBeVisible();
    await expect(page.getByTestId('banner-error')).toHaveCount(0);
  }
  await page.getByTestId('palette-search').fill('');
});

test('every built-in opens from the catalogue and runs, with and without its pattern', async ({
  page,
}) => {
  // Sized by count: ~1.5 s per opening here, 6 s allowed for a crowded machine (a fixed
  // 120 s ran out at the last of 42 openings with the load average at 14).
  const openings = BUILTINS.reduce((n, b) => n + b.variants.length, 0);
  test.setTimeout(openings * 6_000);
  const app = new AppPage(page);
  await app.open();
  for (const b of BUILTINS) {
    for (const variant of b.variants) {
      await page.getByTestId('catalogue').click();
      const suffix = variant === 'with' ? '' : '-without';
      await page.getByTestId(`catalogue-open-${b.id}${suffix}`).click();
      await expect(page.getByTestId('catalogue-dialog')).toBeHidden();
      await expect(app.nodes()).toHaveCount(b.build(variant).nodes.length);
      await expect(page.getByTestId('run-status')).toHaveText('Ready');
      await page.getByTestId('step').click();
      await expect.poll(() => app.clockMs()).toBe(1000);
      await expect(page.getByTestId('banner-error')).toHaveCount(0);
    }
  }
});
