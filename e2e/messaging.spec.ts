import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

test('a queue with a dead-letter queue: poison messages end in the DLQ, the backlog chart stays low, and the edge says its role', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('catalogue').click();
  await page.getByTestId('catalogue-search').fill('dead-letter');
  await page.getByTestId('catalogue-open-dead-letter-queue').click();
  await expect(app.node('orders-queue')).toBeVisible();
  await expect(app.node('orders-dlq')).toBeVisible();

  // It opens on its lesson: the queue's backlog.
  await expect(page.getByTestId('charts-scope')).toHaveText('Orders queue');

  await app.runToEnd();
  await expect(page.getByText('What to watch: queue length (peak)')).toBeVisible();
  // The dead-letter queue holds the poison messages, in words on the node.
  await expect(page.getByTestId('node-status-orders-dlq')).toContainText(/\d+ ready/);
  await expect(page.getByTestId('node-status-orders-queue')).toContainText('to DLQ');
  await page.screenshot({ path: 'test-results/messaging-dlq.png' });

  // The edge into the dead-letter queue shows its role in the inspector.
  await page.locator('.react-flow__edge[data-id="orders-queue-orders-dlq"]').click({ force: true });
  await expect(page.getByLabel('Role')).toHaveValue('dead-letter');

  // The summary counts the poison failures at the consumer by their cause.
  await expect.poll(() => app.summaryText()).toContain('poison-message');
});
