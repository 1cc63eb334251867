import { expect, test } from '@playwright/test';
import { watchPage } from './support/page-errors.ts';

test.describe('app shell', () => {
  test('renders header, canvas, inspector and status bar with no console noise', async ({
    page,
  }) => {
    const problems = watchPage(page);
    await page.goto('./');

    await expect(page.getByRole('heading', { level: 1, name: 'Faultline' })).toBeVisible();
    await expect(page.getByTestId('tagline')).toContainText('circuit breakers');

    const canvas = page.getByTestId('canvas');
    await expect(canvas.locator('.react-flow__background')).toBeVisible();
    await expect(canvas.locator('.react-flow__controls')).toBeVisible();
    await expect(canvas.locator('.react-flow__minimap')).toBeVisible();

    await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
    await expect(page.getByTestId('inspector-empty')).toContainText('Nothing selected');
    await expect(page.getByTestId('status-counts')).toHaveText('0 nodes · 0 edges');

    // The canvas fills the area between header, inspector and status bar.
    const box = (await canvas.boundingBox()) ?? { width: 0, height: 0 };
    const viewport = page.viewportSize() ?? { width: 1, height: 1 };
    expect(box.width).toBeGreaterThan(viewport.width * 0.6);
    expect(box.height).toBeGreaterThan(viewport.height * 0.75);

    await page.screenshot({ path: 'test-results/shell-light.png' });
    expect(problems).toEqual({
      consoleErrors: [],
      consoleWarnings: [],
      pageErrors: [],
      failedRequests: [],
    });
  });

  test('zoom controls change the zoom shown in the status bar', async ({ page }) => {
    await page.goto('./');
    const zoom = page.getByTestId('status-zoom');
    const before = await zoom.textContent();
    await page.getByTestId('canvas').locator('.react-flow__controls-zoomin').click();
    await expect(zoom).not.toHaveText(before ?? '');
  });

  test('follows a dark colour-scheme preference', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./');
    const background = await page
      .getByTestId('app-header')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect(page.getByTestId('canvas').locator('.react-flow')).toHaveClass(/dark/);
    expect(background).toBe('rgb(22, 29, 39)');
    await page.screenshot({ path: 'test-results/shell-dark.png' });

    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.getByTestId('canvas').locator('.react-flow')).toHaveClass(/light/);
    expect(
      await page.getByTestId('app-header').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(255, 255, 255)');
  });
});
