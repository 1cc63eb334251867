import { expect, test } from '@playwright/test';
import { deflateSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { AppPage } from './support/app-page.ts';
import { watchPage } from './support/page-errors.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const hostile = (name: string) =>
  readFileSync(new URL(`../src/scenario/hostile-inputs/${name}`, import.meta.url), 'utf8');

test.describe('share links', () => {
  test('a shared link opened in a fresh page gives the same summary numbers', async ({
    page,
    browser,
  }) => {
    const app = new AppPage(page);
    await app.open();
    // Make the document distinct: a new seed and a live-edited config.
    await page.getByTestId('seed').fill('777');
    await page.getByTestId('seed').press('Enter');
    await page.getByTestId('duration').fill('60');
    await page.getByTestId('duration').press('Enter');
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#s=2\.[0-9a-f]{8}\./);
    await page.getByTestId('close-share').click();
    await app.runToEnd();
    const original = await app.summaryText();

    const context = await browser.newContext();
    const fresh = await context.newPage();
    const other = new AppPage(fresh);
    await fresh.goto(link);
    await expect(fresh.getByTestId('app-shell')).toBeVisible();
    await expect(fresh.getByTestId('seed')).toHaveValue('777');
    await other.runToEnd();
    expect(await other.summaryText()).toBe(original);
    await context.close();
  });

  const HOSTILE: [string, string][] = [
    ['truncated', '#s=1.eJyrVkrLz1eyUkpKLFKqBQA'],
    ['garbage characters', '#s=1.%%%***'],
    ['empty payload', '#s=1.'],
    ['empty value', '#s='],
    ['future codec', '#s=9.abc'],
    ['not deflate', `#s=1.${b64url(new TextEncoder().encode('hello world'))}`],
    ['JSON array', `#s=1.${b64url(deflateSync(new TextEncoder().encode('[1,2]')))}`],
    ['JSON string', `#s=1.${b64url(deflateSync(new TextEncoder().encode('"x"')))}`],
    [
      'future document version',
      `#s=1.${b64url(deflateSync(new TextEncoder().encode(JSON.stringify({ format: 'faultline-scenario', version: 99, durationMs: 1, nodes: [] }))))}`,
    ],
    [
      'invalid scenario',
      `#s=1.${b64url(deflateSync(new TextEncoder().encode(JSON.stringify({ format: 'faultline-scenario', version: 1, durationMs: 1000, nodes: [{ id: 'x', kind: 'nope' }] }))))}`,
    ],
    ['zip bomb', `#s=1.${b64url(deflateSync(new Uint8Array(5_000_000).fill(32)))}`],
    ['huge', `#s=1.${'A'.repeat(300_000)}`],
    ['400 000-deep list', hostile('deep-array-400k.link.txt').trim()],
  ];

  for (const [name, hash] of HOSTILE) {
    test(`a ${name} link shows an error and leaves the app working`, async ({ page }) => {
      const problems = watchPage(page);
      const app = new AppPage(page);
      await app.open(hash);
      await expect(page.getByTestId('banner-error')).toBeVisible();
      await expect(page.getByTestId('banner-error')).toContainText(/link/i);
      await expect(app.nodes()).toHaveCount(5); // the default scenario (no earlier work here)
      await page.getByTestId('step').click();
      await expect(page.getByTestId('clock')).toContainText('1.0 s /');
      expect(problems.pageErrors).toEqual([]);
    });
  }

  test('a bad link keeps the previous work intact', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.node('catalog').click();
    await page.keyboard.press('Delete');
    await expect(app.nodes()).toHaveCount(4);
    await page.goto('./#s=1.%%%');
    await expect(page.getByTestId('banner-error')).toBeVisible();
    await expect(app.nodes()).toHaveCount(4);
  });

  test('a link damaged by one character is refused by its checksum; the work stays', async ({
    page,
  }) => {
    const problems = watchPage(page);
    const app = new AppPage(page);
    await app.open();
    await app.node('catalog').click();
    await page.keyboard.press('Delete');
    await expect(app.nodes()).toHaveCount(4);
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    await page.getByTestId('close-share').click();
    // One character of the payload changed, as a careless copy might.
    const at = link.indexOf('#s=2.') + '#s=2.'.length + 9 + 40;
    const damaged = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    await page.goto(damaged);
    await expect(page.getByTestId('banner-error')).toContainText(
      'This link is damaged: its checksum does not match, so part of it was cut off or changed, perhaps when it was copied.',
    );
    await expect(app.nodes()).toHaveCount(4);
    await page.getByTestId('step').click();
    await expect(page.getByTestId('clock')).toContainText('1.0 s /');
    expect(problems.pageErrors).toEqual([]);
  });

  test('a link to a document with a call cycle is refused, naming the closing edge', async ({
    page,
  }) => {
    const text = hostile('cycle.json');
    const app = new AppPage(page);
    await app.open(`#s=1.${b64url(deflateSync(new TextEncoder().encode(text)))}`);
    await expect(page.getByTestId('banner-error')).toContainText(
      'edges[4]: orders → gateway closes a call cycle orders → gateway → orders',
    );
    await expect(app.nodes()).toHaveCount(5); // the default scenario, untouched
  });

  test('markup in a link is shown as text, never run', async ({ page }) => {
    const doc = {
      format: 'faultline-scenario',
      version: 1,
      meta: { title: '<img src=x onerror="window.__pwned=1">' },
      durationMs: 10000,
      nodes: [{ id: 'c', kind: 'client', label: '<script>window.__pwned=2</script>' }],
    };
    const hash = `#s=1.${b64url(deflateSync(new TextEncoder().encode(JSON.stringify(doc))))}`;
    const app = new AppPage(page);
    await app.open(hash);
    await expect(page.getByTestId('header-title')).toHaveText(doc.meta.title);
    await expect(app.node('c')).toContainText('<script>');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  });
});
