import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test.describe('fault injection', () => {
  test('crashing a node live makes failures rise in its badge and in the chart', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('step').click();
    await app.select('catalog');
    await page.getByTestId('toggle-crash').click();
    await expect(page.getByTestId('toggle-crash')).toHaveAttribute('aria-pressed', 'true');
    for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
    await expect(page.getByTestId('node-status-catalog')).toContainText('Crashed');
    await expect(page.getByTestId('node-status-users')).not.toContainText('OK');
    const errors = parseFloat((await page.getByTestId('badge-errors-users').textContent()) ?? '0');
    expect(errors).toBeGreaterThan(20);
    await page.getByTestId('tab-charts').click();
    await expect(page.getByTestId('chart-throughput')).toContainText(/refused/);
    await page.screenshot({ path: 'test-results/crash.png' });
    await page.getByTestId('toggle-crash').click();
    for (let i = 0; i < 2; i++) await page.getByTestId('step').click();
    await expect(page.getByTestId('node-status-catalog')).not.toContainText('Crashed');
  });

  test('a fault scheduled on the timeline runs at its time', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('tab-charts').click();
    await page.getByTestId('add-fault').click();
    const editor = page.getByTestId('fault-editor');
    await expect(editor).toBeVisible();
    await editor.getByLabel('Type').selectOption('crash');
    await editor.getByLabel('Target').selectOption('catalog');
    await page.getByTestId('fault-start').fill('2');
    await page.getByTestId('fault-start').press('Enter');
    await page.getByTestId('fault-duration').fill('3');
    await page.getByTestId('fault-duration').press('Enter');
    await editor.getByRole('button', { name: /add|save/i }).click();
    await expect(
      page.locator('[data-testid^="fault-bar-"]').filter({ hasText: 'catalog' }),
    ).toHaveCount(1);
    for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
    await expect(page.getByTestId('node-status-catalog')).toContainText('Crashed');
    for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
    await expect(page.getByTestId('node-status-catalog')).not.toContainText('Crashed');
  });
});
