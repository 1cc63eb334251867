import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

/** Zoom shown in the status bar, in percent. */
async function zoomPercent(app: AppPage): Promise<number> {
  const text = (await app.page.getByTestId('status-zoom').textContent()) ?? '';
  return Number(/(\d+)%/.exec(text)?.[1] ?? NaN);
}

test('zoomed out below 40 %, nodes keep their status and size but drop the figures', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('badge-rate-users')).not.toHaveText('0.0/s');
  const height = () => app.node('users').evaluate((el) => (el as HTMLElement).offsetHeight);
  const full = await height();
  // The size flow nodes carry until measured (NODE_INITIAL_SIZE_PX): right, so the first
  // frame already places them where they end up.
  expect(full).toBe(144);
  expect(await app.node('users').evaluate((el) => (el as HTMLElement).offsetWidth)).toBe(200);

  const zoomOut = page.getByTestId('canvas').locator('.react-flow__controls-zoomout');
  while ((await zoomPercent(app)) >= 40) await zoomOut.click();
  await expect(page.getByTestId('node-badges-users')).toHaveCount(0);
  await expect(page.getByTestId('node-status-users')).toHaveText('OK');
  expect(await height()).toBe(full);

  const zoomIn = page.getByTestId('canvas').locator('.react-flow__controls-zoomin');
  while ((await zoomPercent(app)) < 40) await zoomIn.click();
  await expect(page.getByTestId('badge-rate-users')).not.toHaveText('0.0/s');
});
