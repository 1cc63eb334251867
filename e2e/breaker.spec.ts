import { expect, test } from '@playwright/test';
import { findBuiltin } from '../src/scenario/index.ts';
import { encodeScenarioLink } from '../src/scenario/index.ts';
import { AppPage } from './support/app-page.ts';

test('a circuit breaker shows its state on the canvas: CLOSED, then OPEN during the outage', async ({
  page,
}) => {
  const scenario = findBuiltin('circuit-breaker')?.build('with');
  if (!scenario) throw new Error('the circuit-breaker built-in is missing');
  const breaker = scenario.nodes.find((n) => n.kind === 'circuit-breaker')?.id ?? '';
  const app = new AppPage(page);
  await app.open(`#${encodeScenarioLink(scenario)}`);
  await expect(page.getByTestId('palette-circuit-breaker')).toBeVisible();
  await page.getByTestId('step').click();
  await expect(page.getByTestId(`node-state-${breaker}`)).toHaveText('CLOSED');
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play').click();
  await expect.poll(() => app.clockMs(), { timeout: 20_000 }).toBeGreaterThan(34_000);
  await page.getByTestId('play').click();
  await expect(page.getByTestId(`node-state-${breaker}`)).toHaveText('OPEN');
  await expect(page.getByTestId(`node-status-${breaker}`)).not.toContainText('OK');
  await page.screenshot({ path: 'test-results/breaker-open.png' });
});
