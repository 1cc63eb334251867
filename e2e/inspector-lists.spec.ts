import { expect, test, type Page } from '@playwright/test';
import { encodeScenarioLink, findBuiltin } from '../src/scenario/index.ts';
import { AppPage } from './support/app-page.ts';

async function openStrangler(page: Page): Promise<AppPage> {
  const scenario = findBuiltin('strangler-fig')?.build('with');
  if (!scenario) throw new Error('the strangler-fig built-in is missing');
  const app = new AppPage(page);
  await app.open(`#${encodeScenarioLink(scenario)}`);
  await app.select('strangler');
  return app;
}

test.describe('inspector list editor', () => {
  test('a strangler route rolls back live, persists, and Undo restores it', async ({ page }) => {
    const app = await openStrangler(page);
    const orders = page.getByTestId('field-routes-1-percentToNew');
    await expect(orders).toHaveValue('50');
    await expect(page.getByLabel('Route 2: To new system')).toHaveValue('50');

    // Roll /orders back while the simulation runs: the whole point of the pattern's demo.
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('play').click();
    await expect.poll(() => app.clockMs(), { timeout: 15_000 }).toBeGreaterThan(2000);
    await orders.fill('0');
    await orders.press('Enter');
    await expect.poll(() => app.clockMs(), { timeout: 15_000 }).toBeGreaterThan(6000);
    await page.getByTestId('play').click();
    await expect(page.getByTestId('field-error-routes-1-percentToNew')).toHaveCount(0);
    await expect(page.getByTestId('metric-custom-configChanges')).not.toHaveText('0');

    // Persisted: still 0 after looking at another node and coming back.
    await app.select('client');
    await app.select('strangler');
    await expect(page.getByTestId('field-routes-1-percentToNew')).toHaveValue('0');

    // Out of range: refused next to the field, nothing recorded.
    const field = page.getByTestId('field-routes-1-percentToNew');
    await field.fill('150');
    await field.press('Enter');
    await expect(page.getByTestId('field-error-routes-1-percentToNew')).toContainText('≤ 100');
    await field.press('Escape');

    await page.getByTestId('undo').click();
    await expect(page.getByTestId('field-routes-1-percentToNew')).toHaveValue('50');
  });

  test('add a route, name it, then remove it', async ({ page }) => {
    await openStrangler(page);
    const items = page.getByTestId('list-routes').locator('> li');
    await expect(items).toHaveCount(3);

    await page.getByTestId('add-routes').click();
    await expect(items).toHaveCount(4);
    const prefix = page.getByTestId('field-routes-3-prefix');
    await expect(prefix).toHaveValue('/new');
    await expect(prefix).toBeFocused();
    await prefix.fill('/search');
    await prefix.press('Enter');
    const percent = page.getByTestId('field-routes-3-percentToNew');
    await percent.fill('25');
    await percent.press('Enter');
    await expect(page.getByTestId('item-routes-3')).toContainText('/search');

    await page.getByTestId('group-routes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/inspector-lists.png' });
    await page
      .getByTestId('inspector')
      .screenshot({ path: 'test-results/inspector-lists-panel.png' });

    await page.getByRole('button', { name: 'Remove Route 4 (/search)' }).click();
    await expect(items).toHaveCount(3);
    await expect(page.getByTestId('item-routes-3')).toHaveCount(0);
    await expect(page.getByTestId('field-routes-2-prefix')).toHaveValue('/payments');
  });
});
