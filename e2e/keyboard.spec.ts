import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test.describe('keyboard and screen readers', () => {
  test('Space on a focused button presses that button; on the page it plays', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('step').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('clock')).toContainText('1.0 s /');
    await expect(page.getByTestId('run-status')).not.toHaveText('Playing');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('clock')).toContainText('2.0 s /');
    await expect(page.getByTestId('run-status')).not.toHaveText('Playing');
    // Focus back on the page (a click on the canvas background): Space plays and pauses.
    await page.getByTestId('step').evaluate((el) => (el as HTMLElement).blur());
    await page.keyboard.press('Space');
    await expect(page.getByTestId('run-status')).toHaveText('Playing');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('run-status')).toHaveText('Paused');
  });

  test('Tab reaches canvas nodes and calls: a visible focus ring and a name with kind, label and status', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    const users = page.locator('.react-flow__node[data-id="users"]');
    await expect(users).toHaveAccessibleName('Client Users, Idle');
    // Tab from the palette (just before the canvas) until a component node has focus.
    await page.getByTestId('palette-search').focus();
    let focusedNode: string | null = null;
    for (let i = 0; i < 80 && !focusedNode; i++) {
      await page.keyboard.press('Tab');
      focusedNode = await page.evaluate(() =>
        document.activeElement?.classList.contains('react-flow__node-component')
          ? document.activeElement.getAttribute('data-id')
          : null,
      );
    }
    expect(focusedNode).not.toBeNull();
    const focused = page.locator(`.react-flow__node[data-id="${focusedNode}"]`);
    await expect(focused).toBeFocused();
    const ring = await focused.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: 'test-results/node-focus-ring.png' });

    // The name follows the status while the run goes on.
    await page.getByTestId('step').click();
    await expect(users).toHaveAccessibleName('Client Users, OK');
    await expect(page.locator('.react-flow__node[data-id="orders"]')).toHaveAccessibleName(
      'Service Orders, OK',
    );
    const call = page.locator('.react-flow__edge[data-id="gateway-orders"]');
    await expect(call).toHaveAccessibleName('Call from Gateway to Orders, OK');
    await call.focus();
    await expect(call).toBeFocused();
  });
});
