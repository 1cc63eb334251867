import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test('the pattern catalogue opens a built-in in one click, with or without its pattern, and Undo restores my work', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  // The default scenario is "my work".
  await expect(app.node('orders')).toBeVisible();

  await page.getByTestId('catalogue').click();
  const dialog = page.getByTestId('catalogue-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('catalogue-search').fill('breaker');
  await expect(page.getByTestId('catalogue-item-circuit-breaker')).toBeVisible();
  await expect(page.getByTestId('catalogue-item-circuit-breaker')).toContainText('R1');
  await page.screenshot({ path: 'test-results/catalogue.png' });
  await page.getByTestId('catalogue-search').fill('no such pattern at all');
  await expect(page.getByTestId('catalogue-empty')).toBeVisible();
  await page.getByTestId('catalogue-search').fill('R1');
  await page.getByTestId('catalogue-open-circuit-breaker').click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('banner-info')).toContainText('Opened “Circuit breaker”');
  await expect(app.node('breaker')).toBeVisible();
  await expect(app.node('orders')).toHaveCount(0);

  // It opens on its lesson: the watched service selected, the charts scoped to it.
  await expect(page.getByTestId('charts-scope')).toHaveText('Service');

  // Run it; in the breaker's own scope the state strip shows it CLOSED, then OPEN through
  // the outage.
  await app.runToEnd();
  await app.select('breaker');
  const strip = page.getByTestId('state-strip-breaker');
  await expect(strip).toBeVisible();
  await expect(strip.locator('[data-state="OPEN"]')).toHaveCount(1);
  // The short HALF-OPEN probe phase between OPEN and CLOSED shows too (a sliver).
  await expect(strip.locator('[data-state="HALF-OPEN"]')).toHaveCount(1);
  await expect(strip.locator('[data-state="CLOSED"]').first()).toBeVisible();
  await expect(strip.getByRole('img')).toHaveAttribute(
    'aria-label',
    /CLOSED 0–[\d.]+ s, OPEN [\d.]+–[\d.]+ s, HALF-OPEN/,
  );
  await page.screenshot({ path: 'test-results/state-strip.png' });

  // The comparison: the same scenario without the breaker.
  await page.getByTestId('catalogue').click();
  await page.getByTestId('catalogue-open-circuit-breaker-without').click();
  await expect(app.node('service')).toBeVisible();
  await expect(app.node('breaker')).toHaveCount(0);
  await expect(page.getByTestId('state-strip-breaker')).toHaveCount(0);

  // Two undo steps bring back the default scenario.
  await page.getByTestId('undo').click();
  await expect(app.node('breaker')).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(app.node('orders')).toBeVisible();
});
