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

  test('the timeline editor and the toggles edit a fault type’s own fields, from its schema', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('tab-charts').click();
    await page.getByTestId('add-fault').click();
    const editor = page.getByTestId('fault-editor');
    await editor.getByLabel('Type').selectOption('error-rate');
    await editor.getByLabel('Target').selectOption('catalog');
    // The share is shown as a percentage, with its bound, as the inspector's form does.
    const rate = editor.getByTestId('field-rate');
    await expect(rate).toHaveValue('50');
    await rate.fill('130');
    await rate.press('Enter');
    await expect(editor.getByTestId('field-error-rate')).toContainText('≤ 100');
    await rate.fill('30');
    await rate.press('Enter');
    await editor.getByTestId('fault-add-confirm').click();
    await app.select('catalog');
    await expect(page.getByTestId('fault-list')).toContainText('Error rate 30%');
    // The toggle's parameter is described by the same schema: refused above 100 %.
    const param = page.getByTestId('toggle-param-error-rate');
    await param.fill('150');
    await param.press('Enter');
    await expect(page.getByTestId('toggle-param-error-error-rate')).toContainText('≤ 100');
  });
});
