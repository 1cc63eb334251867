import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';
import { watchPage } from './support/page-errors.ts';

test.describe('app shell', () => {
  test('first visit shows the default scenario with no console noise', async ({ page }) => {
    const problems = watchPage(page);
    const app = new AppPage(page);
    await app.open();

    await expect(page.getByRole('heading', { level: 1, name: 'Faultline' })).toBeVisible();
    await expect(page.getByTestId('tagline')).toContainText('circuit breakers');
    const canvas = page.getByTestId('canvas');
    await expect(canvas.locator('.react-flow__background')).toBeVisible();
    await expect(canvas.locator('.react-flow__controls')).toBeVisible();
    // The minimap is off until asked for (legibility.spec.ts).
    await expect(canvas.locator('.react-flow__minimap')).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
    await expect(page.getByTestId('inspector-empty')).toContainText('Nothing selected');

    // Client → gateway → two backends, one with a database.
    await expect(app.nodes()).toHaveCount(5);
    await expect(app.edges()).toHaveCount(4);
    await expect(page.getByTestId('status-counts')).toHaveText('5 nodes · 4 edges');
    await expect(page.getByTestId('run-status')).toHaveText('Ready');
    await expect(page.getByTestId('status-host')).toHaveText('Engine: Web Worker');

    await page.screenshot({ path: 'test-results/shell-light.png' });
    expect(problems).toEqual({
      consoleErrors: [],
      consoleWarnings: [],
      pageErrors: [],
      failedRequests: [],
    });
  });

  test('zoom controls change the zoom shown in the status bar', async ({ page }) => {
    await new AppPage(page).open();
    const zoom = page.getByTestId('status-zoom');
    const before = await zoom.textContent();
    await page.getByTestId('canvas').locator('.react-flow__controls-zoomin').click();
    await expect(zoom).not.toHaveText(before ?? '');
  });

  test('follows a dark colour-scheme preference', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await new AppPage(page).open();
    const header = page.getByTestId('app-header');
    await expect(page.getByTestId('canvas').locator('.react-flow')).toHaveClass(/dark/);
    expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(22, 29, 39)',
    );
    await page.screenshot({ path: 'test-results/shell-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.getByTestId('canvas').locator('.react-flow')).toHaveClass(/light/);
    expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
  });

  test('the shortcut help opens with ? and every control has an accessible name', async ({
    page,
  }) => {
    await new AppPage(page).open();
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    await expect(page.getByTestId('shortcuts-dialog')).toContainText('Play / pause');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-dialog')).toBeHidden();
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select')]
        .filter((el) => !(el as HTMLElement).hidden && (el as HTMLElement).offsetParent !== null)
        .filter((el) => {
          const label = el.getAttribute('aria-label') || (el as HTMLElement).innerText?.trim();
          const id = el.getAttribute('id');
          const byFor = id ? document.querySelector(`label[for="${id}"]`) : null;
          return !label && !byFor && !el.closest('label') && !el.getAttribute('aria-labelledby');
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });
});
