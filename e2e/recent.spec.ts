import { expect, test } from '@playwright/test';
import { deflateSync } from 'fflate';
import { AppPage } from './support/app-page.ts';

const SHARED = {
  format: 'faultline-scenario',
  version: 1,
  meta: { title: 'Shared demo' },
  durationMs: 10_000,
  nodes: [{ id: 'c', kind: 'client', label: 'Clients' }],
};
const link = `#s=1.${Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify(SHARED)))).toString('base64url')}`;

test.describe('opening a link never silently destroys work', () => {
  test('a link opened over work is one Undo away, and Recent keeps the work after a reload', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.node('catalog').click();
    await page.keyboard.press('Delete');
    await expect(app.nodes()).toHaveCount(4);
    // Pasted into the running tab.
    await page.goto(`./${link}`);
    await expect(app.nodes()).toHaveCount(1);
    await expect(page.getByTestId('banner-info').last()).toContainText(
      'Opened the shared scenario “Shared demo”',
    );
    await expect(page.getByTestId('banner-info').last()).toContainText('Undo');
    await page.getByTestId('undo').click();
    await expect(app.nodes()).toHaveCount(4);
    await page.getByTestId('redo').click();
    await expect(app.nodes()).toHaveCount(1);

    await page.reload();
    await expect(page.getByTestId('header-title')).toHaveText('Shared demo');
    await page.getByTestId('recent').click();
    const item = page
      .getByTestId('recent-item')
      .filter({ hasText: 'Checkout under a slow database' });
    await expect(item).toBeVisible();
    await item.click();
    await expect(app.nodes()).toHaveCount(4);
    await expect(page.getByTestId('header-title')).toHaveText('Checkout under a slow database');
  });

  test('New scenario starts empty with a fresh title and duration; Undo brings the work back', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('duration').fill('45');
    await page.getByTestId('duration').press('Enter');
    await page.getByTestId('new-scenario').click();
    await expect(app.nodes()).toHaveCount(0);
    await expect(page.getByTestId('header-title')).toHaveText('Untitled scenario');
    await expect(page.getByTestId('clock')).toContainText('/ 5:00.0');
    await page.getByTestId('undo').click();
    await expect(app.nodes()).toHaveCount(5);
    await expect(page.getByTestId('clock')).toContainText('/ 45.0 s');
  });
});
