import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test.describe('editing the scenario', () => {
  test('add from the palette, connect, and the new service takes traffic', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('palette-search').fill('serv');
    await expect(page.getByTestId('palette-database')).toBeHidden();
    await page.getByTestId('palette-service').click();
    await expect(app.nodes()).toHaveCount(6);
    await expect(app.node('service')).toBeVisible();
    await app.connect('catalog', 'service');
    await expect(app.edges()).toHaveCount(5);
    await expect(page.getByTestId('status-counts')).toHaveText('6 nodes · 5 edges');
    await page.getByTestId('step').click();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('badge-rate-service')).not.toHaveText('0/s');
  });

  test('an invalid connection is refused with a visible reason', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    // Orders → Gateway would close a loop gateway → orders → gateway.
    await app.connect('orders', 'gateway');
    await expect(page.getByTestId('connection-hint')).toContainText('loop');
    await expect(app.edges()).toHaveCount(4);
  });

  test('delete, undo and redo with the keyboard', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.node('catalog').click();
    await page.keyboard.press('Delete');
    await expect(app.nodes()).toHaveCount(4);
    await expect(app.edges()).toHaveCount(3);
    await page.keyboard.press('Control+z');
    await expect(app.nodes()).toHaveCount(5);
    await expect(app.edges()).toHaveCount(4);
    await page.keyboard.press('Control+Shift+z');
    await expect(app.nodes()).toHaveCount(4);
    await page.getByTestId('undo').click();
    await expect(app.nodes()).toHaveCount(5);
  });

  test('copy and paste, and duplicate, add fresh copies', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.node('catalog').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(app.nodes()).toHaveCount(6);
    await page.keyboard.press('Control+d');
    await expect(app.nodes()).toHaveCount(7);
  });

  test('editing a config changes the run: a 50% error rate shows in the badge', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.select('catalog');
    const field = page.getByTestId('field-errorRate');
    await field.fill('50');
    await field.press('Enter');
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('play').click();
    await expect.poll(() => app.clockMs(), { timeout: 15_000 }).toBeGreaterThan(4000);
    await page.getByTestId('play').click();
    const text = (await page.getByTestId('badge-errors-catalog').textContent()) ?? '';
    expect(parseFloat(text)).toBeGreaterThan(25);
  });

  test('an invalid value is refused inline, naming the field, and nothing changes', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.select('orders');
    const workers = page.getByTestId('field-workers');
    await workers.fill('0');
    await workers.press('Enter');
    await expect(page.getByTestId('field-error-workers')).toContainText('≥ 1');
    await expect(page.getByTestId('undo')).toBeDisabled();
  });

  test('auto-layout is one undoable step', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const before = await app.node('catalog').boundingBox();
    await page.getByTestId('auto-layout').click();
    await expect
      .poll(async () => JSON.stringify(await app.node('catalog').boundingBox()))
      .not.toBe(JSON.stringify(before));
    await expect(page.getByTestId('undo')).toBeEnabled();
  });
});
