import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

/** Zoom shown in the status bar, in percent. */
async function zoomPercent(app: AppPage): Promise<number> {
  const text = (await app.page.getByTestId('status-zoom').textContent()) ?? '';
  return Number(/(\d+)%/.exec(text)?.[1] ?? NaN);
}

test('three levels of detail: every figure zoomed in, three large ones at a glance, status only zoomed far out', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('badge-rate-users')).not.toHaveText('0.0/s');
  const height = () => app.node('users').evaluate((el) => (el as HTMLElement).offsetHeight);
  const zoomIn = page.getByTestId('canvas').locator('.react-flow__controls-zoomin');
  const zoomOut = page.getByTestId('canvas').locator('.react-flow__controls-zoomout');

  // Zoomed in (≥ 96 %): every figure, in the node's usual 200 × 144.
  while ((await zoomPercent(app)) < 96) await zoomIn.click();
  await expect(page.getByTestId('badge-busy-gateway')).toBeVisible();
  // The size flow nodes carry until measured (NODE_INITIAL_SIZE_PX): right, so the first
  // frame already places them where they end up.
  expect(await height()).toBe(144);
  expect(await app.node('users').evaluate((el) => (el as HTMLElement).offsetWidth)).toBe(200);

  // At a glance (50–96 %): rate, errors and p99 only, large, within the same height.
  while ((await zoomPercent(app)) >= 90) await zoomOut.click();
  await expect(page.getByTestId('badge-busy-gateway')).toHaveCount(0);
  await expect(page.getByTestId('badge-p99-gateway')).toBeVisible();
  expect(await height()).toBeLessThanOrEqual(144);

  // Far out (< 50 %): the status and a tinted block.
  while ((await zoomPercent(app)) >= 50) await zoomOut.click();
  await expect(page.getByTestId('node-badges-users')).toHaveCount(0);
  await expect(page.getByTestId('node-status-users')).toHaveText('OK');
  expect(await height()).toBe(144);

  while ((await zoomPercent(app)) < 50) await zoomIn.click();
  await expect(page.getByTestId('badge-rate-users')).not.toHaveText('0.0/s');
});
