import { expect, test } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

/** "12 events" or "3 of 12 events" → [shown, total]. */
function counts(text: string): [number, number] {
  const numbers = (text.match(/\d[\d,\s]*/g) ?? []).map((n) => Number(n.replace(/\D/g, '')));
  return numbers.length === 2
    ? [numbers[0] ?? 0, numbers[1] ?? 0]
    : [numbers[0] ?? 0, numbers[0] ?? 0];
}

test.describe('after Run to end', () => {
  test('the event log holds the run, and "During faults" keeps the fault window', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const app = new AppPage(page);
    await app.open();
    await app.runToEnd();
    await page.getByTestId('tab-events').click();
    const count = page.getByTestId('event-count');
    await expect(count).not.toHaveText('0 events');
    const [, total] = counts((await count.textContent()) ?? '');
    expect(total).toBeGreaterThan(1000);
    await page.getByTestId('event-during-faults').click();
    await expect(count).toContainText(' of ');
    const [shown] = counts((await count.textContent()) ?? '');
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    // The default scenario's one fault: the Orders DB slows from 60 s to 90 s.
    const times = await page.locator('.event-row__time').allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) {
      const seconds = Number(t.replace(' s', ''));
      expect(seconds).toBeGreaterThanOrEqual(60);
      expect(seconds).toBeLessThanOrEqual(90);
    }
  });
});
