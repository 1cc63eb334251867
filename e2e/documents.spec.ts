import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppPage } from './support/app-page.ts';

test.describe('documents', () => {
  test('autosave restores the work after a reload', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.node('catalog').click();
    await page.keyboard.press('Delete');
    await expect(app.nodes()).toHaveCount(4);
    await page.reload();
    await expect(page.getByTestId('app-shell')).toBeVisible();
    await expect(app.nodes()).toHaveCount(4);
  });

  test('export then import round-trips the scenario', async ({ page }, info) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('palette-service').click();
    await expect(app.nodes()).toHaveCount(6);
    const download = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const file = info.outputPath('exported.json');
    await (await download).saveAs(file);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { format: string; nodes: unknown[] };
    expect(doc.format).toBe('faultline-scenario');
    expect(doc.nodes).toHaveLength(6);

    await app.node('service').click();
    await page.keyboard.press('Delete');
    await expect(app.nodes()).toHaveCount(5);
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(app.nodes()).toHaveCount(6);
    await expect(page.getByTestId('banner-info')).toContainText('Imported');
  });

  test('a bad import file shows what is wrong and keeps the canvas', async ({ page }, info) => {
    const app = new AppPage(page);
    await app.open();
    const bad = info.outputPath('bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'faultline-scenario',
        version: 1,
        durationMs: 1000,
        nodes: [{ id: 'a', kind: 'service', config: { workers: 0 } }],
      }),
    );
    await page.getByTestId('import-file').setInputFiles(bad);
    await expect(page.getByTestId('banner-error')).toContainText(
      'nodes[0].config.workers: must be a number ≥ 1 (got 0)',
    );
    await expect(app.nodes()).toHaveCount(5);
    const notJson = info.outputPath('not.json');
    writeFileSync(notJson, '{ this is not json');
    await page.getByTestId('import-file').setInputFiles(notJson);
    await expect(page.getByTestId('banner-error').last()).toContainText('not.json');
    await expect(app.nodes()).toHaveCount(5);
  });
});
