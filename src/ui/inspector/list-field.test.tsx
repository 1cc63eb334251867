// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { useStore } from 'zustand';
import type { SimScenario } from '../../scenario/index.ts';
import { canConnect, findBuiltin, REGISTRY } from '../../scenario/index.ts';
import { configJsonSchema, createAppStore, validateScenario } from '../../store/index.ts';
import { SchemaForm } from './schema-form.tsx';

/** The strangler built-in plans its /orders rollback at this time (rollbackAtMs). */
const ORDERS_ROLLBACK_MS = 60_000;

/**
 * Each test renders one node's form and makes a few edits in jsdom: ≤ 250 ms here, the first
 * one (React's and jsdom's warm-up) the longest.
 */
const FORM_MS = 300;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type AppStore = ReturnType<typeof createAppStore>;

function storeOf(builtin: string): AppStore {
  const doc: SimScenario | undefined = findBuiltin(builtin)?.build('with');
  if (!doc) throw new Error(`no built-in ${builtin}`);
  return createAppStore({
    initial: doc,
    validate: validateScenario,
    canConnect: (s, a, b) => canConnect(s, a, b, REGISTRY),
  });
}

/** The node's config form, committing exactly as the node inspector does. */
function NodeForm({ app, nodeId }: { app: AppStore; nodeId: string }) {
  const node = useStore(app, (s) => s.scenario.nodes.find((n) => n.id === nodeId));
  if (!node) return null;
  return (
    <SchemaForm
      schema={configJsonSchema(node.kind)}
      value={node.config}
      label="config"
      onChange={(name, value) => app.getState().updateNodeConfig(nodeId, { [name]: value })}
    />
  );
}

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function render(app: AppStore, nodeId: string) {
  act(() => root.render(<NodeForm app={app} nodeId={nodeId} />));
}

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = host.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

function typeAndEnter(id: string, text: string) {
  const el = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
  act(() => {
    setter?.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
}

function click(id: string) {
  act(() => byTestId(id).click());
}

function config(app: AppStore, nodeId: string): Record<string, unknown> {
  return app.getState().scenario.nodes.find((n) => n.id === nodeId)?.config ?? {};
}

describe('list editor: strangler-fig routes', budget(1, FORM_MS), () => {
  it('edits one route, refuses an out-of-range value inline and undoes', () => {
    const app = storeOf('strangler-fig');
    render(app, 'strangler');
    const field = byTestId<HTMLInputElement>('field-routes-1-percentToNew');
    expect(field.value).toBe('50');
    expect(field.labels?.[0]?.textContent).toBe('Route 2: To new system');

    typeAndEnter('field-routes-1-percentToNew', '0');
    expect(config(app, 'strangler')['routes']).toEqual([
      { prefix: '/catalog', percentToNew: 100, rollbackAtMs: null },
      { prefix: '/orders', percentToNew: 0, rollbackAtMs: ORDERS_ROLLBACK_MS },
      { prefix: '/payments', percentToNew: 0, rollbackAtMs: null },
    ]);

    typeAndEnter('field-routes-1-percentToNew', '150');
    expect(byTestId('field-error-routes-1-percentToNew').textContent).toContain('≤ 100');
    expect(app.getState().history.past).toHaveLength(1);

    act(() => app.getState().undo());
    expect(byTestId<HTMLInputElement>('field-routes-1-percentToNew').value).toBe('50');
  });

  it('adds a route from the defaults, moves it and removes another', () => {
    const app = storeOf('strangler-fig');
    render(app, 'strangler');
    click('add-routes');
    expect(config(app, 'strangler')['routes']).toEqual([
      { prefix: '/catalog', percentToNew: 100, rollbackAtMs: null },
      { prefix: '/orders', percentToNew: 50, rollbackAtMs: ORDERS_ROLLBACK_MS },
      { prefix: '/payments', percentToNew: 0, rollbackAtMs: null },
      { prefix: '/new', percentToNew: 0, rollbackAtMs: null },
    ]);
    // Focus goes to the new route's first field, ready to rename it.
    expect(document.activeElement).toBe(byTestId('field-routes-3-prefix'));
    typeAndEnter('field-routes-3-prefix', '/search');

    click('move-up-routes-3');
    click('remove-routes-0');
    expect(config(app, 'strangler')['routes']).toEqual([
      { prefix: '/orders', percentToNew: 50, rollbackAtMs: ORDERS_ROLLBACK_MS },
      { prefix: '/search', percentToNew: 0, rollbackAtMs: null },
      { prefix: '/payments', percentToNew: 0, rollbackAtMs: null },
    ]);
    expect(byTestId<HTMLInputElement>('field-routes-1-prefix').value).toBe('/search');
    expect(app.getState().history.past).toHaveLength(4);
  });
});

describe('list editor: api-gateway routes', budget(1, FORM_MS), () => {
  it('keeps a refused new route pending with the message next to its field', () => {
    const app = storeOf('strangler-fig');
    const before = config(app, 'new-gateway')['routes'];
    app.getState().updateNodeConfig('new-gateway', { routes: [] });
    render(app, 'new-gateway');
    click('add-routes');
    // A new route of an empty gateway has no targets to copy: refused, but kept on screen.
    expect(byTestId('pending-routes').textContent).toContain('Not applied yet');
    expect(byTestId('field-error-routes-0-targets').textContent).toContain('at least 1');
    expect(config(app, 'new-gateway')['routes']).toEqual([]);

    typeAndEnter('field-routes-0-targets', 'new-orders, new-catalog');
    expect(config(app, 'new-gateway')['routes']).toEqual([
      {
        prefix: '/new',
        targets: ['new-orders', 'new-catalog'],
        rateLimitPerSec: null,
        burst: null,
        breaker: false,
      },
    ]);
    expect(host.querySelector('[data-testid="pending-routes"]')).toBeNull();
    expect(before).toHaveLength(3);
  });

  it('edits nested fields of an item: nullable number, checkbox, names', () => {
    const app = storeOf('strangler-fig');
    render(app, 'new-gateway');
    click('field-routes-1-rateLimitPerSec.none');
    typeAndEnter('field-routes-1-rateLimitPerSec', '25');
    click('field-routes-1-breaker');
    typeAndEnter('field-routes-2-targets', 'new-payments, legacy');
    const routes = config(app, 'new-gateway')['routes'] as Record<string, unknown>[];
    expect(routes[1]).toMatchObject({ rateLimitPerSec: 25, breaker: true });
    expect(routes[2]).toMatchObject({ targets: ['new-payments', 'legacy'] });
  });
});

describe('list editor: nullable and name lists', budget(1, FORM_MS), () => {
  it('switches client routes between none and a list, and edits the names of a fallback', () => {
    const app = storeOf('strangler-fig');
    render(app, 'client');
    expect(byTestId<HTMLInputElement>('field-routes.none').checked).toBe(false);
    click('field-routes.none');
    expect(config(app, 'client')['routes']).toBeNull();
    click('field-routes.none');
    expect(config(app, 'client')['routes']).toEqual([{ path: '/new', weight: 1 }]);
    // The last route cannot be removed: "No routes" is the way to have none.
    expect(byTestId<HTMLButtonElement>('remove-routes-0').disabled).toBe(true);
  });

  it('commits a comma-separated list of names', () => {
    const app = storeOf('fallback');
    const node = app.getState().scenario.nodes.find((n) => n.kind === 'fallback');
    if (!node) throw new Error('no fallback node');
    render(app, node.id);
    typeAndEnter('field-fallbackOn', 'error,  timeout,');
    expect(config(app, node.id)['fallbackOn']).toEqual(['error', 'timeout']);
    expect(byTestId<HTMLTextAreaElement>('field-fallbackOn').value).toBe('error, timeout');
  });
});
