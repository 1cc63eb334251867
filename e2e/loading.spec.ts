import { expect, test, type Page, type Route } from '@playwright/test';
import { AppPage } from './support/app-page.ts';

// Chunks the page loads on demand, by the name the build gives them (their source module's).
const CHUNK = {
  charts: '**/assets/chart-grid-*.js',
  events: '**/assets/events-*.js',
  catalogue: '**/assets/catalogue-dialog-*.js',
  worker: '**/assets/sim.worker-*.js',
  inlineHost: '**/assets/inline-host-*.js',
} as const;

const abort = (route: Route) => route.abort('connectionfailed');

/** Holds every request for `pattern` until `release()`, as a slow network would. */
async function holdRequests(page: Page, pattern: string) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return { release: () => release() };
}

async function play(page: Page) {
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('run-status')).toHaveText('Playing');
}

test.describe('parts loaded on demand', () => {
  test('while the charts load, their place is kept and nothing below moves', async ({ page }) => {
    const held = await holdRequests(page, CHUNK.charts);
    await new AppPage(page).open();
    await play(page);
    const loading = page.getByTestId('charts-loading');
    await expect(loading).toBeVisible();
    await expect(loading.locator('figcaption')).toHaveText([
      'Throughput (requests/s)',
      'Latency (ms)',
      'Error rate (%)',
      'Queue and in flight',
    ]);
    const faults = page.getByTestId('fault-timeline');
    const before = await faults.boundingBox();
    held.release();
    await expect(page.getByTestId('chart-latency').getByRole('application')).toBeVisible();
    await expect(loading).toBeHidden();
    expect(await faults.boundingBox()).toEqual(before);
  });

  test('charts whose code cannot load say so, and Try again loads them', async ({ page }) => {
    await page.route(CHUNK.charts, abort);
    await new AppPage(page).open();
    await play(page);
    const failed = page.getByTestId('load-failed');
    await expect(failed).toContainText('The charts could not be loaded');
    await expect(page.getByTestId('fault-timeline')).toBeVisible();
    await page.unroute(CHUNK.charts);
    await page.getByTestId('load-retry').click();
    await expect(page.getByTestId('chart-throughput').getByRole('application')).toBeVisible();
    await expect(failed).toBeHidden();
  });

  test('the event log loads when its tab opens and lists the run', async ({ page }) => {
    await page.route(CHUNK.events, abort);
    await new AppPage(page).open();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('clock')).toContainText('1.0 s /');
    await page.getByTestId('tab-events').click();
    await expect(page.getByTestId('load-failed')).toContainText(
      'The event log could not be loaded',
    );
    await page.unroute(CHUNK.events);
    await page.getByTestId('load-retry').click();
    await expect(page.getByTestId('event-log')).toBeVisible();
    await expect(page.getByTestId('event-row').first()).toBeVisible();
    await expect(page.getByTestId('waterfall-panel')).toBeVisible();
  });

  test('a dialog whose code cannot load gives a banner, and opens on the next try', async ({
    page,
  }) => {
    await page.route(CHUNK.catalogue, abort);
    await new AppPage(page).open();
    await page.getByTestId('catalogue').click();
    await expect(page.getByTestId('banner-error')).toContainText(
      'The pattern catalogue could not be loaded',
    );
    await expect(page.getByTestId('catalogue-dialog')).toHaveCount(0);
    await page.unroute(CHUNK.catalogue);
    await page.getByTestId('catalogue').click();
    await expect(page.getByTestId('catalogue-dialog')).toBeVisible();
  });

  test('without a worker, the fallback engine is fetched and runs the simulation', async ({
    page,
  }) => {
    await page.route(CHUNK.worker, abort);
    const app = new AppPage(page);
    await app.open();
    await expect(page.getByTestId('status-host')).toHaveText('Engine: main thread');
    await page.getByTestId('step').click();
    await expect(page.getByTestId('clock')).toContainText('1.0 s /');
    await expect(page.getByTestId('banner-engine')).toHaveCount(0);
  });

  test('if the fallback engine cannot load either, the page says why', async ({ page }) => {
    await page.route(CHUNK.worker, abort);
    await page.route(CHUNK.inlineHost, abort);
    await new AppPage(page).open();
    await expect(page.getByTestId('banner-engine')).toContainText(
      'The fallback engine could not be loaded either',
    );
    await expect(page.getByTestId('canvas')).toBeVisible();
  });
});
