import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { AppPage } from './support/app-page.ts';

/** Users → Orders (4 workers) → Orders DB, that edge partitioned from 10 s, no timeout. */
const FIXTURE = fileURLToPath(new URL('../examples/partition-no-timeout.json', import.meta.url));

// Numbers in the sentence group digits with a no-break space; \s matches it.
const SAID =
  /^Orders: all 4 workers waiting on a partitioned call; \d[\d\s]* queued; no timeout is set$/;

test.describe('a partition without timeouts', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('Orders reads Stuck and the page says why, above the canvas and in the inspector', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await expect(page.getByTestId('banner-info')).toContainText('Imported');
    const status = page.getByTestId('node-status-orders');
    const banner = page.getByTestId('banner-stuck');

    // Before the partition (10 s) nothing is stuck.
    for (let s = 1; s <= 12; s++) {
      await page.getByTestId('step').click();
      await expect(page.getByTestId('clock')).toContainText(`${s}.0 s /`);
      if (s === 9) {
        await expect(status).toHaveText('OK');
        await expect(banner).toHaveCount(0);
      }
    }
    // Two seconds into it: every worker waits on a call that will never come back.
    await expect(status).toHaveText('Stuck');
    await expect(status).toHaveClass(/cnode__status--stuck/);
    await expect(status).toHaveAttribute('title', /^Stuck: Every worker .* no timeout is set/);
    await expect(page.locator('.react-flow__node[data-id="orders"]')).toHaveAccessibleName(
      'Service Orders, Stuck',
    );
    await expect(banner).toHaveText(SAID);
    await expect(banner).toBeInViewport();

    // The inspector says the same of the selected node.
    await app.select('orders');
    await expect(page.getByTestId('node-diagnosis')).toHaveText(SAID);

    // An hour later the queue holds every request since; the sentence counts them exactly,
    // as the CLI's report does for the same file.
    await page.getByTestId('run-to-end').click();
    await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 60_000 });
    await expect(banner).toHaveText(
      'Orders: all 4 workers waiting on a partitioned call; 179\u00a0634 queued; no timeout is set',
    );
    await expect(banner).toBeInViewport();
    await expect(status).toHaveText('Stuck');
    await page.screenshot({ path: 'test-results/partition-stuck.png' });

    // The Summary lists it too, as the CLI's report does.
    await page.getByTestId('tab-summary').click();
    const row = page.getByTestId('summary-stuck-orders');
    await expect(row.locator('th')).toHaveText('Orders');
    await expect(row.locator('td')).toHaveText(
      'all 4 workers waiting on a partitioned call; 179\u00a0634 queued; no timeout is set',
    );

    // Reset: the run starts over and nothing is stuck.
    await page.getByTestId('reset').click();
    await expect(banner).toHaveCount(0);
  });
});
