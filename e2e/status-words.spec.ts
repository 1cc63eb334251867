import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test.describe('status words', () => {
  test('an overloaded service reads Saturated, in words, colour, tooltip and accessible name', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    // Load shedding without its shedder: 200 req/s offered to a service that completes ~100.
    await page.getByTestId('catalogue').click();
    await page.getByTestId('catalogue-open-load-shedding-without').click();
    await expect(app.node('service')).toBeVisible();
    const status = page.getByTestId('node-status-service');

    // No history yet: the first seconds read OK, never a premature word.
    await page.getByTestId('step').click();
    await expect(page.getByTestId('clock')).toContainText('1.0 s /');
    await expect(status).toHaveText('OK');
    await page.getByTestId('step').click();
    await expect(page.getByTestId('clock')).toContainText('2.0 s /');
    await expect(status).toHaveText('OK');

    // Played on, the queue keeps growing with every worker busy.
    await page.getByTestId('speed').selectOption('10');
    await page.getByTestId('play').click();
    await expect(status).toHaveText('Saturated', { timeout: 15_000 });
    await page.getByTestId('play').click();
    await expect(page.getByTestId('run-status')).toHaveText('Paused');
    await expect(status).toHaveText('Saturated');
    await expect(status).toHaveClass(/cnode__status--saturated/);
    await expect(status).toHaveAttribute('title', /^Saturated: Every worker busy/);
    await expect(page.locator('.react-flow__node[data-id="service"]')).toHaveAccessibleName(
      'Service Service, Saturated',
    );
    // The client is not saturated: it has no workers; its calls time out (Failing).
    await expect(page.getByTestId('node-status-client')).not.toHaveText('Saturated');
    await page.screenshot({ path: 'test-results/status-saturated.png' });

    // The legend in the help dialog explains every word.
    await page.keyboard.press('?');
    const legend = page.getByTestId('status-legend');
    await expect(legend).toContainText('Saturated');
    await expect(legend).toContainText('Slow');
    await expect(legend).toContainText('baseline');
  });
});
