import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test('opening three built-ins in a row leaves one info banner, above the canvas, and it goes by itself', async ({
  page,
}) => {
  // The page's clock is ours (its timers fake): time flows while the built-ins open (lazy parts
  // need it), then it is paused and moves only when the test says, so neither real waiting nor
  // a slow machine decides when the banner goes.
  await page.clock.install();
  const app = new AppPage(page);
  await app.open();
  const info = page.getByTestId('banner-info');
  for (const [id, title] of [
    ['retry', 'Retry'],
    ['timeout', 'Timeout'],
    ['bulkhead', 'Bulkhead'],
  ] as const) {
    await page.getByTestId('catalogue').click();
    await page.getByTestId(`catalogue-open-${id}`).click();
    await expect(page.getByTestId('catalogue-dialog')).toBeHidden();
    await expect(info).toHaveCount(1);
    await expect(info).toContainText(`Opened “${title}”`);
  }
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 500);
  // In its own row: the canvas starts below it, nothing of the canvas is covered.
  const banner = await info.boundingBox();
  const canvas = await page.getByTestId('canvas').boundingBox();
  expect(banner && canvas && banner.y + banner.height <= canvas.y).toBe(true);
  await page.screenshot({ path: 'test-results/banner-row.png' });

  // Still there 3 s later (under 6 s since it came: read it), gone 3 s after that (over 6 s);
  // the canvas takes the room back.
  await page.clock.runFor(3000);
  await expect(info).toHaveCount(1);
  await page.clock.runFor(3000);
  await expect(info).toHaveCount(0);
  await expect(page.getByTestId('banners')).toBeHidden();
  const after = await page.getByTestId('canvas').boundingBox();
  expect(after && canvas && after.y < canvas.y).toBe(true);
});

test('an error banner stays until dismissed', async ({ page }) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open('#s=1.%%%');
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 500);
  const error = page.getByTestId('banner-error');
  await expect(error).toBeVisible();
  await page.clock.runFor(30_000);
  await expect(error).toBeVisible();
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toHaveCount(0);
});
