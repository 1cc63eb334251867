import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test.describe('run controls', () => {
  test('play advances the clock, pause stops it, Space toggles', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('play').click();
    await expect(page.getByTestId('run-status')).toHaveText('Playing');
    await expect.poll(() => app.clockMs(), { timeout: 10_000 }).toBeGreaterThan(2000);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('run-status')).toHaveText('Paused');
    const paused = await app.clockMs();
    await page.waitForTimeout(400);
    expect(await app.clockMs()).toBe(paused);
    // Live badges show traffic on the client and the gateway.
    await expect(page.getByTestId('badge-rate-users')).not.toHaveText('0/s');
  });

  test('step advances exactly one second of virtual time', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('clock')).toContainText('1.0 s /');
    await page.keyboard.press('.');
    await expect(page.getByTestId('clock')).toContainText('2.0 s /');
  });

  test('run to end finishes with a summary; reset returns to 0 s', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.runToEnd();
    await expect(page.getByTestId('clock')).toContainText('5:00.0 / 5:00.0');
    const summary = await app.summaryText();
    expect(summary).toContain('Users');
    expect(summary).toContain('Orders DB');
    expect(summary).toMatch(/Conservation: ok|conservation ok/i);
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('run-status')).toHaveText('Ready');
    await expect(page.getByTestId('clock')).toContainText('0.0 s /');
  });

  test('run to end can be cancelled', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('duration').fill('7200');
    await page.getByTestId('duration').press('Enter');
    await page.getByTestId('run-to-end').click();
    await expect(page.getByTestId('run-progress')).toBeVisible();
    await page.getByTestId('cancel-run').click();
    await expect(page.getByTestId('run-status')).toHaveText('Paused');
    expect(await app.clockMs()).toBeLessThan(7_200_000);
  });
});
