import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

// One truth for the run: Reset and Run to end simulate the document on screen, and a run from
// 0 s is the run a fresh browser gets from the document's share link.

async function shortRun(page: Page, seconds: number): Promise<void> {
  await page.getByTestId('duration').fill(String(seconds));
  await page.getByTestId('duration').press('Enter');
}

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.getByTestId('close-share').click();
  return link;
}

/** The summary a fresh browser (no autosave) shows after opening `link` and running it. */
async function freshSummary(browser: Browser, link: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const app = new AppPage(page);
    await page.goto(link);
    await expect(page.getByTestId('app-shell')).toBeVisible();
    await app.runToEnd();
    return await app.summaryText();
  } finally {
    await context.close();
  }
}

/** Failures of one component, read from the Summary table's row. */
async function failuresOf(page: Page, label: string): Promise<number> {
  const row = page.getByTestId('summary-table').getByRole('row').filter({ hasText: label }).first();
  const cells = await row.getByRole('cell').allInnerTexts();
  const header = await page.getByTestId('summary-table').getByRole('columnheader').allInnerTexts();
  const at = header.findIndex((h) => /^failed/i.test(h.trim()));
  return Number((cells[at] ?? '').replace(/[^\d]/g, ''));
}

test.describe('one truth for the run', () => {
  test('Reset keeps an edit made during the run, and the run equals the shared link', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const app = new AppPage(page);
    await app.open();
    await shortRun(page, 30);
    await page.getByTestId('step').click();
    await expect(page.getByTestId('clock')).toContainText('1.0 s /');
    await app.select('catalog');
    const field = page.getByTestId('field-errorRate');
    await field.fill('50');
    await field.press('Enter');
    await app.runToEnd();
    await app.summaryText();
    const live = await failuresOf(page, 'Catalog');
    expect(live).toBeGreaterThan(0);

    await page.getByTestId('reset').click();
    await expect(page.getByTestId('run-status')).toHaveText('Ready');
    await expect(field).toHaveValue('50');
    await app.runToEnd();
    const afterReset = await app.summaryText();
    // The whole run at 50 % now, not 0 failures as before the fix.
    expect(await failuresOf(page, 'Catalog')).toBeGreaterThan(live);
    expect(await freshSummary(browser, await shareLink(page))).toBe(afterReset);
  });

  test('a fault added before the first run gives the numbers of a fresh load', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const app = new AppPage(page);
    await app.open();
    await shortRun(page, 30);
    await app.select('catalog');
    await page.getByTestId('toggle-crash').click();
    await expect(page.getByTestId('toggle-crash')).toHaveAttribute('aria-pressed', 'true');
    await app.runToEnd();
    const first = await app.summaryText();
    expect(await failuresOf(page, 'Catalog')).toBeGreaterThan(0);
    expect(await freshSummary(browser, await shareLink(page))).toBe(first);
  });
});
