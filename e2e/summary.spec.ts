import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test('the Summary tab lists each component’s counters and late responses, as the CLI does', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('catalogue').click();
  await page.getByTestId('catalogue-open-timeout').click();
  await app.runToEnd();
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByTestId('summary-table')).toBeVisible();
  // The same figures `npm run sim -- --builtin timeout` prints under "Node counters".
  await expect(page.getByTestId('summary-counters-timeout')).toHaveText(
    /Timed out 5128 · Late responses 2097$/,
  );
  // The wide table scrolls inside the results panel; it never covers the inspector.
  const panel = await page.getByTestId('bottom-panel').boundingBox();
  const inspector = await page.getByTestId('inspector').boundingBox();
  expect(panel && inspector && panel.x + panel.width <= inspector.x + 1).toBe(true);
  await page.screenshot({ path: 'test-results/summary-counters.png' });
});
