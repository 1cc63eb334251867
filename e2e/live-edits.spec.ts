import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { encodeScenarioLink, parseScenario, REGISTRY } from '../src/scenario/index.ts';
import { AppPage } from './support/app-page.ts';
import { watchPage } from './support/page-errors.ts';

// Live edits never break the engine: switching a service from parallel to sequential calls
// while calls were out, then hanging it, used to stop the run with "worker pool lost track of
// call N" about 0.8 s later (the unit suite's live-edit fuzzer covers the rest).

const CASE = new URL('../src/store/live-edit-cases/lost-track-simple.json', import.meta.url);

test('call mode parallel → sequential, then Hang, during a run: no error banner', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const parsed = parseScenario(JSON.parse(readFileSync(CASE, 'utf8')), REGISTRY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const problems = watchPage(page);
  const app = new AppPage(page);
  await app.open(`#${encodeScenarioLink(parsed.scenario)}`);

  await page.getByTestId('step').click();
  await expect(page.getByTestId('clock')).toContainText('1.0 s /');
  await app.select('svc');
  await page.getByTestId('field-callMode').selectOption('sequential');
  await page.getByTestId('toggle-hang').click();
  await expect(page.getByTestId('toggle-hang')).toHaveAttribute('aria-pressed', 'true');
  for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('banner-engine')).toHaveCount(0);
  await expect(page.getByTestId('clock')).toContainText('4.0 s /');
  await expect(page.getByTestId('node-status-svc')).toContainText('Hung');

  await app.runToEnd();
  await expect(page.getByTestId('banner-engine')).toHaveCount(0);
  await expect(page.getByTestId('banner-error')).toHaveCount(0);
  expect(problems.pageErrors).toEqual([]);
});
