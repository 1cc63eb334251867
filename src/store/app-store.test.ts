import { describe, expect, it } from 'vitest';
import { canConnect, defaultScenario, REGISTRY } from '../scenario/index.ts';
import { createAppStore } from './app-store.ts';
import { validateScenario } from './create-stores.ts';

function store() {
  return createAppStore({
    initial: defaultScenario(REGISTRY),
    validate: validateScenario,
    canConnect: (s, a, b) => canConnect(s, a, b, REGISTRY),
  });
}

describe('app store', () => {
  it('commits valid edits as undo steps and refuses invalid ones with field messages', () => {
    const app = store();
    const r = app.getState().updateNodeConfig('orders', { workers: 0 });
    expect(r).toEqual({
      ok: false,
      errors: [expect.stringContaining('workers: must be a number ≥ 1 (got 0)')],
    });
    expect(app.getState().history.past).toHaveLength(0);
    expect(app.getState().updateNodeConfig('orders', { workers: 9 })).toEqual({ ok: true });
    expect(app.getState().scenario.nodes.find((n) => n.id === 'orders')?.config['workers']).toBe(9);
    app.getState().undo();
    expect(app.getState().scenario.nodes.find((n) => n.id === 'orders')?.config['workers']).toBe(4);
    app.getState().redo();
    expect(app.getState().scenario.nodes.find((n) => n.id === 'orders')?.config['workers']).toBe(9);
  });

  it('accepts a client rate of 0 (silenced) and refuses a negative one naming the field', () => {
    const app = store();
    const users = () => app.getState().scenario.nodes.find((n) => n.id === 'users')?.config;
    const silent = { type: 'poisson', ratePerSec: 0 };
    expect(app.getState().updateNodeConfig('users', { arrival: silent })).toEqual({ ok: true });
    expect(users()?.['arrival']).toEqual(silent);
    const r = app.getState().updateNodeConfig('users', { arrival: { ...silent, ratePerSec: -1 } });
    expect(r).toEqual({
      ok: false,
      errors: [expect.stringContaining('arrival.ratePerSec: must be a number ≥ 0 (got -1)')],
    });
    expect(users()?.['arrival']).toEqual(silent);
  });

  it('records a whole drag as one undo step', () => {
    const app = store();
    const start = app.getState().scenario.nodes.find((n) => n.id === 'users')?.position;
    for (let i = 1; i <= 5; i++) app.getState().dragTo(new Map([['users', { x: 10 * i, y: 0 }]]));
    app.getState().endDrag();
    expect(app.getState().history.past).toHaveLength(1);
    app.getState().undo();
    expect(app.getState().scenario.nodes.find((n) => n.id === 'users')?.position).toEqual(start);
  });

  it('refuses a connection with the rule’s reason and keeps it for the canvas', () => {
    const app = store();
    const r = app.getState().connect('orders', 'gateway');
    expect(r.ok).toBe(false);
    expect(app.getState().connectionHint).toMatch(/loop/);
    expect(app.getState().scenario.edges).toHaveLength(4);
    expect(app.getState().connect('users', 'catalog')).toEqual({ ok: true });
    expect(app.getState().connectionHint).toBeNull();
  });

  it('deletes nodes with their edges and faults; copy/paste makes fresh ids', () => {
    const app = store();
    app.getState().select(['orders-db'], []);
    app.getState().deleteSelection();
    const s = app.getState().scenario;
    expect(s.nodes.map((n) => n.id)).not.toContain('orders-db');
    expect(s.edges.some((e) => e.target === 'orders-db')).toBe(false);
    expect(s.faults.some((f) => f.target === 'orders-db')).toBe(false);
    app.getState().select(['catalog'], []);
    app.getState().copySelection();
    app.getState().paste();
    app.getState().paste();
    const ids = app.getState().scenario.nodes.map((n) => n.id);
    expect(ids.filter((id) => id.startsWith('catalog'))).toEqual([
      'catalog',
      'catalog-2',
      'catalog-3',
    ]);
  });

  it('adds, renames and removes a bounded context without touching its components', () => {
    const app = store();
    const id = app.getState().addGroup('Payments', { x: 0, y: 0 }, 300, 200);
    expect(id).not.toBeNull();
    expect(app.getState().updateGroup(id ?? '', { label: '' }).ok).toBe(false);
    expect(app.getState().updateGroup(id ?? '', { label: 'Billing' }).ok).toBe(true);
    const nodes = app.getState().scenario.nodes.length;
    app.getState().removeElements([id ?? ''], []);
    expect(app.getState().scenario.groups.some((g) => g.id === id)).toBe(false);
    expect(app.getState().scenario.nodes).toHaveLength(nodes);
  });

  it('a load replaces the document and clears history', () => {
    const app = store();
    app.getState().updateNodeConfig('orders', { workers: 9 });
    const seq = app.getState().loadSeq;
    app.getState().load(defaultScenario(REGISTRY), 'file');
    expect(app.getState().history.past).toHaveLength(0);
    expect(app.getState().loadSeq).toBe(seq + 1);
  });

  it('an open replaces the document as one undo step: undo brings the previous work back', () => {
    const app = store();
    app.getState().updateNodeConfig('orders', { workers: 9 });
    const mine = app.getState().scenario;
    const seq = app.getState().loadSeq;
    const other = { ...defaultScenario(REGISTRY), seed: 99 };
    expect(app.getState().open(other, 'builtin')).toEqual({ ok: true });
    expect(app.getState().scenario.seed).toBe(99);
    expect(app.getState().source).toBe('builtin');
    expect(app.getState().loadSeq).toBe(seq + 1);
    app.getState().undo();
    expect(app.getState().scenario).toBe(mine);
    app.getState().redo();
    expect(app.getState().scenario.seed).toBe(99);
  });

  it('an invalid document is refused by open and the current one stays', () => {
    const app = store();
    const before = app.getState().scenario;
    const bad = {
      ...before,
      nodes: [
        ...before.nodes,
        { id: 'x', kind: 'nope', label: 'X', position: { x: 0, y: 0 }, config: {} },
      ],
    };
    const r = app.getState().open(bad, 'file');
    expect(r.ok).toBe(false);
    expect(app.getState().scenario).toBe(before);
  });
});
