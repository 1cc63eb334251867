import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { AppPage } from './support/app-page.ts';
import { watchPage } from './support/page-errors.ts';

// 100 000 users with no think time who give up after 1 µs: a valid document that used to grow
// the tab to 5.3 GB until it died (~80 s). The engine now stops it with a sentence.
const USERS = fileURLToPath(
  new URL('../src/cli/fixtures/users-100000-think0.json', import.meta.url),
);

test('a run past the budget stops with a sentence; the tab, the canvas and the work stay, and Reset works', async ({
  page,
}) => {
  const problems = watchPage(page);
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('import-file').setInputFiles(USERS);
  await expect(page.getByTestId('banner-info')).toContainText('Imported');
  await expect(app.nodes()).toHaveCount(5);

  await page.getByTestId('run-to-end').click();
  await expect(page.getByTestId('run-status')).toHaveText('Stopped by an error', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('banner-engine')).toHaveText(
    'Stopped at 2 µs: 250 001 calls are on their way to Gateway — the client Users has 100 000 users with no think time who give up after 0.001 ms. Give the users some think time. Press Reset to run again.',
  );
  // The page still answers, the canvas and the document are as they were.
  await expect(app.nodes()).toHaveCount(5);
  await app.select('users');
  await expect(page.getByTestId('inspector-label')).toHaveValue('Users');

  await page.getByTestId('reset').click();
  await expect(page.getByTestId('run-status')).toHaveText('Ready');
  await expect(page.getByTestId('banner-engine')).toHaveCount(0);
  await expect(page.getByTestId('clock')).toContainText('0.0 s /');
  expect(problems.pageErrors).toEqual([]);
});

test('the inspector refuses a rate past the bound next to the field', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.select('users');
  const rate = page.getByTestId('field-arrival.ratePerSec');
  await rate.fill('1000000000');
  await rate.press('Enter');
  await expect(page.getByTestId('field-error-arrival.ratePerSec')).toContainText(
    'must be a number ≤ 100000',
  );
  await rate.press('Escape');
  await expect(rate).toHaveValue('60');
});
