import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { watchPage } from './support/page-errors.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const SUB_PATH = '/some/sub/path/';

let server: StaticServer;
test.beforeAll(async () => {
  server = await serveStatic(DIST, SUB_PATH);
});
test.afterAll(async () => {
  await server.close();
});

test('the built site works from a sub-path of a plain static host', async ({ page }) => {
  const problems = watchPage(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));

  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Faultline' })).toBeVisible();
  await expect(page.getByTestId('canvas').locator('.react-flow__controls')).toBeVisible();

  // Every asset came from under the sub-path: nothing assumed the site lives at "/".
  expect(requested.length).toBeGreaterThan(2);
  expect(requested.filter((path) => !path.startsWith(SUB_PATH))).toEqual([]);
  expect(problems).toEqual({
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    failedRequests: [],
  });
});
