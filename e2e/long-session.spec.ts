import { expect, test, type Page } from '@playwright/test';

// A long randomized session, as a teacher's afternoon goes: built-ins opened, runs to the end
// (waited for or not), cancels, resets, plays, steps, tab switches, selections, range
// changes, live edits. Whenever the run is settled past 0 s and the charts tab is shown, the
// charts must show the run (charts once stayed on "Press Play" for the rest of the tab).

const ACTIONS_PER_SESSION = 30;
const SEEDS = [11, 29];
const BUILTINS = ['circuit-breaker', 'retry', 'timeout', 'bulkhead', 'load-shedding', 'fallback'];

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

async function enabled(page: Page, testId: string): Promise<boolean> {
  const b = page.getByTestId(testId);
  return (await b.isVisible()) && (await b.isEnabled());
}

test.describe('a long session never leaves the charts stale', () => {
  for (const seed of SEEDS) {
    test(`randomized session ${seed}`, async ({ page }) => {
      test.setTimeout(240_000);
      const random = seeded(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      await page.goto('./');
      await expect(page.getByTestId('app-shell')).toBeVisible();
      const history: string[] = [];
      let tab = 'charts';
      const act: Record<string, () => Promise<void>> = {
        open: async () => {
          const id = pick(BUILTINS);
          history.push(`open ${id}`);
          await page.getByTestId('catalogue').click();
          await page.getByTestId(`catalogue-open-${id}`).click();
          await expect(page.getByTestId('catalogue-dialog')).toBeHidden();
        },
        runToEnd: async () => {
          if (!(await enabled(page, 'run-to-end'))) return;
          history.push('run to end');
          await page.getByTestId('run-to-end').click();
          await expect(page.getByTestId('run-status')).toHaveText(/Done|Paused/, {
            timeout: 60_000,
          });
        },
        runToEndNoWait: async () => {
          if (!(await enabled(page, 'run-to-end'))) return;
          history.push('run to end (no wait)');
          await page.getByTestId('run-to-end').click();
        },
        cancel: async () => {
          if (!(await enabled(page, 'cancel-run'))) return;
          history.push('cancel');
          await page.getByTestId('cancel-run').click();
        },
        reset: async () => {
          history.push('reset');
          await page.getByTestId('reset').click();
        },
        play: async () => {
          if (!(await enabled(page, 'play'))) return;
          history.push('play');
          await page.getByTestId('speed').selectOption('20');
          await page.getByTestId('play').click();
          await page.waitForTimeout(Math.floor(random() * 1200));
          // Pause if still playing: a short run may have finished meanwhile (Play disabled).
          if ((await page.getByTestId('run-status').innerText()) === 'Playing')
            await page
              .getByTestId('play')
              .click({ timeout: 2000 })
              .catch(() => undefined);
        },
        step: async () => {
          if (!(await enabled(page, 'step'))) return;
          history.push('step');
          await page.getByTestId('step').click();
        },
        tab: async () => {
          tab = pick(['charts', 'events', 'summary']);
          history.push(`tab ${tab}`);
          await page.getByTestId(`tab-${tab}`).click();
        },
        select: async () => {
          const nodes = page.locator('.react-flow__node-component');
          const count = await nodes.count();
          if (count === 0 || random() < 0.3) {
            history.push('deselect');
            await page.keyboard.press('Escape');
            return;
          }
          const i = Math.floor(random() * count);
          history.push(`select node ${i}`);
          await nodes.nth(i).click({ force: true });
        },
        range: async () => {
          if (tab !== 'charts') return;
          const range = pick(['recent', 'whole']);
          history.push(`range ${range}`);
          await page.getByTestId(`range-${range}`).click();
        },
      };
      const names = Object.keys(act);
      for (let i = 0; i < ACTIONS_PER_SESSION; i++) {
        await (act[pick(names)] as () => Promise<void>)();
        const status = await page.getByTestId('run-status').innerText();
        const clock = (await page.getByTestId('clock').innerText()).split('/')[0]?.trim();
        if (tab !== 'charts' || !/Done|Paused/.test(status) || clock === '0.0 s') continue;
        await expect(page.getByTestId('charts-empty'), `after: ${history.join(' → ')}`).toHaveCount(
          0,
          { timeout: 8000 },
        );
      }
    });
  }
});
