import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

// Legible at 1280×720 from the back of a room: at the default view of every built-in, node
// labels and badge values render at ≥ 11 px and connection handles offer ≥ 12 px to hit;
// nothing covers the nodes; chart legends and labels have ≥ 4.5 : 1 contrast in both themes.
// A screenshot of every built-in is kept in test-results/builtins/.

test.use({ viewport: { width: 1280, height: 720 } });

const LEGIBLE_PX = 11;
const HANDLE_HIT_PX = 12;
const MIN_CONTRAST = 4.5;

/** Every built-in's id, read from the catalogue. */
async function builtinIds(page: Page): Promise<string[]> {
  await page.getByTestId('catalogue').click();
  await expect(page.locator('[data-testid^="catalogue-open-"]').first()).toBeVisible();
  const ids = await page
    .locator('[data-testid^="catalogue-open-"]')
    .evaluateAll((els) =>
      els
        .map((e) => (e as HTMLElement).dataset['testid']?.replace('catalogue-open-', '') ?? '')
        .filter((id) => id !== '' && !id.endsWith('-without')),
    );
  await page.keyboard.press('Escape');
  return ids;
}

/** On-screen size of the text of every visible node label and badge value, px. */
function renderedTextPx(page: Page): Promise<{ what: string; px: number }[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
    const out: { what: string; px: number }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      '.react-flow__node-component .cnode__label, .react-flow__node-component .cnode__badges dd',
    )) {
      if (el.getClientRects().length === 0) continue; // not drawn
      out.push({
        what: `${el.className || 'badge'} "${el.textContent ?? ''}"`,
        px: parseFloat(getComputedStyle(el).fontSize) * zoom,
      });
    }
    return out;
  });
}

/** WCAG contrast of two CSS colours (rgb/rgba), the second taken as opaque. */
function contrast(fg: string, bg: string): number {
  const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lum = (c: string) => {
    const [r = 0, g = 0, b = 0] = parse(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

test('every built-in is legible at 1280×720 in its default view', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync('test-results/builtins', { recursive: true });
  await page.goto('./');
  await expect(page.getByTestId('app-shell')).toBeVisible();
  const ids = await builtinIds(page);
  expect(ids.length).toBeGreaterThanOrEqual(20);
  for (const id of ids) {
    await page.getByTestId('catalogue').click();
    await page.getByTestId(`catalogue-open-${id}`).click();
    await expect(page.getByTestId('catalogue-dialog')).toBeHidden();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('clock')).toContainText('1.0 s /');
    await page.waitForTimeout(400); // the fit's animation
    const texts = await renderedTextPx(page);
    expect(texts.length, id).toBeGreaterThan(0);
    for (const t of texts) expect(t.px, `${id}: ${t.what}`).toBeGreaterThanOrEqual(LEGIBLE_PX);
    for (const box of await page
      .locator('.react-flow__node-component .react-flow__handle')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(Math.min(box.width, box.height), `${id}: handle`).toBeGreaterThanOrEqual(
        HANDLE_HIT_PX - 0.01,
      );
    }
    // No minimap over the nodes unless asked for.
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    await page.screenshot({ path: `test-results/builtins/${id}.png` });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`chart legends and axis labels have ≥ 4.5:1 contrast (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./');
    await expect(page.getByTestId('app-shell')).toBeVisible();
    for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
    const legend = page.locator('.chart-legend__text').first();
    await expect(legend).toBeVisible({ timeout: 15_000 });
    const pairs = await page.evaluate(() => {
      const panel = document.querySelector('[data-testid="charts-panel"]') as HTMLElement;
      let bgEl: HTMLElement | null = panel;
      let bg = 'rgba(0, 0, 0, 0)';
      while (bgEl && /rgba\(.*, 0\)|transparent/.test(bg)) {
        bg = getComputedStyle(bgEl).backgroundColor;
        bgEl = bgEl.parentElement;
      }
      const colour = (el: Element) =>
        el instanceof SVGElement ? getComputedStyle(el).fill : getComputedStyle(el).color;
      const els = [
        // The words of the legend (their swatch keeps the series colour).
        ...panel.querySelectorAll('.chart-legend__text'),
        ...panel.querySelectorAll('.recharts-cartesian-axis-tick-value'),
      ];
      return { bg, colours: els.map((el) => ({ text: el.textContent ?? '', fg: colour(el) })) };
    });
    expect(pairs.colours.length).toBeGreaterThan(0);
    for (const c of pairs.colours) {
      expect(contrast(c.fg, pairs.bg), `"${c.text}" ${c.fg} on ${pairs.bg}`).toBeGreaterThanOrEqual(
        MIN_CONTRAST,
      );
    }
  });
}

test('the minimap is off by default, one click away, and remembered', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.getByTestId('toggle-minimap').click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await page.reload();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await page.getByTestId('toggle-minimap').click();
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
});
