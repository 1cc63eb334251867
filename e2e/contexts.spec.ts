import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test.describe('bounded contexts', () => {
  test('add a context, rename it, drag it with its components, undo', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const before = await page.locator('.react-flow__node-context').count();
    await page.getByTestId('palette-context').click();
    const groups = page.locator('.react-flow__node-context');
    await expect(groups).toHaveCount(before + 1);
    const label = page.getByTestId('group-label');
    await label.fill('Payments');
    await label.press('Enter');
    await expect(page.getByText('Payments', { exact: true }).first()).toBeVisible();

    // The default scenario's "Ordering" context holds Orders and Orders DB: dragging it moves them.
    const ordering = page.locator('.react-flow__node-context', { hasText: /ordering/i });
    await expect(ordering).toHaveCount(1);
    const orders = app.node('orders');
    // Measured against Users (outside the context): dragging near the edge may pan the view.
    const offset = async () => {
      const [o, u] = [await orders.boundingBox(), await app.node('users').boundingBox()];
      return { x: (o?.x ?? 0) - (u?.x ?? 0), y: (o?.y ?? 0) - (u?.y ?? 0) };
    };
    const start = await offset();
    const box = await ordering.boundingBox();
    if (!box) throw new Error('no geometry');
    await page.mouse.move(box.x + box.width - 12, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 40, box.y + 60, { steps: 8 });
    await page.mouse.up();
    const moved = await offset();
    expect(moved.x - start.x).toBeGreaterThan(30);
    expect(moved.y - start.y).toBeGreaterThan(30);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await offset()).x).toBeCloseTo(start.x, 0);
    expect((await offset()).y).toBeCloseTo(start.y, 0);
  });
});
