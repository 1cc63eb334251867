import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the simulator: the selectors every journey needs, in one place. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(hash = ''): Promise<void> {
    await this.page.goto(`./${hash}`);
    await expect(this.page.getByTestId('app-shell')).toBeVisible();
    await expect(this.page.getByTestId('run-status')).not.toHaveText('No scenario');
  }

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  /** Component nodes (bounded-context regions are React Flow nodes too, but not components). */
  nodes(): Locator {
    return this.page.locator('.react-flow__node-component');
  }

  edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }

  async clockMs(): Promise<number> {
    const text = (await this.page.getByTestId('clock').textContent()) ?? '';
    const current = text.split('/')[0]?.trim() ?? '';
    const parts = current.replace(' s', '').split(':').map(Number);
    const seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
    return Math.round(seconds * 1000);
  }

  async runToEnd(): Promise<void> {
    await this.page.getByTestId('run-to-end').click();
    await expect(this.page.getByTestId('run-status')).toHaveText('Done', { timeout: 60_000 });
  }

  async summaryText(): Promise<string> {
    await this.page.getByTestId('tab-summary').click();
    const table = this.page.getByTestId('summary-table');
    await expect(table).toBeVisible();
    return (await table.innerText()).trim();
  }

  /** Drags from one node's output handle to another node's input handle. */
  async connect(fromId: string, toId: string): Promise<void> {
    const from = this.node(fromId).locator('.react-flow__handle.source');
    const to = this.node(toId).locator('.react-flow__handle.target');
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error(`handles of ${fromId} → ${toId} not found`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  async select(id: string): Promise<void> {
    await this.node(id).click();
    await expect(this.page.getByTestId('inspector-label')).toHaveValue(/.+/);
  }
}
