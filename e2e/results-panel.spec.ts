import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test.use({ viewport: { width: 1280, height: 720 } });

test('the results panel is resized by dragging its edge, remembers its size, and leaves the canvas room', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  const panel = page.getByTestId('bottom-panel');
  const height = async () => Math.round((await panel.boundingBox())?.height ?? 0);
  expect(await height()).toBe(330);
  const grip = page.getByTestId('results-resizer');
  const box = await grip.boundingBox();
  if (!box) throw new Error('no resizer');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - 60, { steps: 4 });
  await page.mouse.up();
  expect(await height()).toBe(390);

  // Dragged far up: the canvas keeps 200 px.
  await page.mouse.move(x, y - 60);
  await page.mouse.down();
  await page.mouse.move(x, 0, { steps: 4 });
  await page.mouse.up();
  const canvas = await page.getByTestId('canvas').boundingBox();
  expect(Math.round(canvas?.height ?? 0)).toBeGreaterThanOrEqual(200);

  // Keyboard: the divider is focusable; Home restores the default, arrows step by 24 px.
  await grip.focus();
  await page.keyboard.press('Home');
  expect(await height()).toBe(330);
  await page.keyboard.press('ArrowUp');
  expect(await height()).toBe(354);
  await expect(grip).toHaveAttribute('aria-valuenow', '354');

  await page.reload();
  await expect(page.getByTestId('app-shell')).toBeVisible();
  expect(await height()).toBe(354);
  await page.getByTestId('results-resizer').dblclick();
  expect(await height()).toBe(330);
});
