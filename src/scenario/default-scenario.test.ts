import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { createSimulation, type Position, type SimGroup } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { canConnect } from './connection-rules.ts';
import { defaultScenario } from './default-scenario.ts';
import { decodeScenarioLink, encodeScenarioLink } from './link-codec.ts';
import { at } from './test-fixtures.ts';
import { parseScenario } from './validate.ts';
import { toDocument } from './document.ts';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('defaultScenario', () => {
  it('is a valid document that parses back to itself without warnings', () => {
    const s = defaultScenario();
    const again = parseScenario(toDocument(s), REGISTRY);
    expect(again).toEqual({ ok: true, scenario: s, warnings: [] });
    expect(s.meta.title).toBe('Checkout under a slow database');
    expect(s.seed).toBe(42);
    expect(s.durationMs).toBe(300_000);
  });

  it('describes what to watch and what to inject', () => {
    const { description } = defaultScenario().meta;
    expect(description).toMatch(/watch/i);
    expect(description).toMatch(/inject/i);
  });

  it('is a fresh object on every call', () => {
    const a = defaultScenario();
    at(a.nodes, 0).position.x = -1;
    a.faults.length = 0;
    at(a.groups, 0).position.x = -1;
    const b = defaultScenario();
    expect(at(b.nodes, 0).position.x).toBe(200);
    expect(b.faults).toHaveLength(1);
    expect(at(b.groups, 0).position.x).toBe(690);
  });

  it('obeys the editor connection rules', () => {
    const s = defaultScenario();
    for (const e of s.edges) {
      const without = { ...s, edges: s.edges.filter((x) => x !== e) };
      expect(canConnect(without, e.source, e.target, REGISTRY)).toEqual({ ok: true });
    }
  });

  it('is laid out left to right on a 1440×900 canvas without overlaps', () => {
    const s = defaultScenario();
    const pos = new Map(s.nodes.map((n) => [n.id, n.position]));
    for (const { x, y } of pos.values()) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + 220).toBeLessThanOrEqual(1440);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y + 100).toBeLessThanOrEqual(900);
    }
    for (const e of s.edges) {
      expect(pos.get(e.target)?.x).toBeGreaterThan(pos.get(e.source)?.x ?? Infinity);
    }
    const points = [...pos.values()];
    points.forEach((p, i) =>
      points.slice(i + 1).forEach((q) => {
        expect(Math.abs(p.x - q.x) >= 220 || Math.abs(p.y - q.y) >= 100).toBe(true);
      }),
    );
  });

  it('frames its services in two labelled groups that sit behind their nodes', () => {
    const s = defaultScenario();
    expect(s.version).toBe(2);
    expect(s.groups.map((g) => g.label)).toEqual(['Ordering', 'Catalog']);
    const NODE = { width: 200, height: 120 };
    const PAD = 30;
    const LABEL = 24;
    const holds = (g: SimGroup, p: Position) =>
      p.x >= g.position.x &&
      p.x + NODE.width <= g.position.x + g.width &&
      p.y >= g.position.y &&
      p.y + NODE.height <= g.position.y + g.height;
    const overlaps = (g: SimGroup, p: Position) =>
      p.x < g.position.x + g.width &&
      p.x + NODE.width > g.position.x &&
      p.y < g.position.y + g.height &&
      p.y + NODE.height > g.position.y;
    const members = (g: SimGroup) => s.nodes.filter((n) => holds(g, n.position)).map((n) => n.id);
    expect(s.groups.map(members)).toEqual([['orders', 'orders-db'], ['catalog']]);

    for (const g of s.groups) {
      const inside = s.nodes.filter((n) => holds(g, n.position)).map((n) => n.position);
      // Neat: the padding is the same on every side, with room for the label on top.
      const left = Math.min(...inside.map((p) => p.x)) - g.position.x;
      const right = g.position.x + g.width - Math.max(...inside.map((p) => p.x + NODE.width));
      const top = Math.min(...inside.map((p) => p.y)) - g.position.y;
      const bottom = g.position.y + g.height - Math.max(...inside.map((p) => p.y + NODE.height));
      expect({ left, right, top, bottom }).toEqual({
        left: PAD,
        right: PAD,
        top: PAD + LABEL,
        bottom: PAD,
      });
      // No other node is cut by the frame, and it stays on the 1440×900 canvas.
      for (const n of s.nodes) expect(overlaps(g, n.position)).toBe(holds(g, n.position));
      expect(g.position.x).toBeGreaterThanOrEqual(0);
      expect(g.position.y).toBeGreaterThanOrEqual(0);
      expect(g.position.x + g.width).toBeLessThanOrEqual(1440);
      expect(g.position.y + g.height).toBeLessThanOrEqual(900);
    }
    const [a, b] = s.groups;
    if (!a || !b) throw new Error('expected two groups');
    const apart =
      a.position.y + a.height <= b.position.y ||
      b.position.y + b.height <= a.position.y ||
      a.position.x + a.width <= b.position.x ||
      b.position.x + b.width <= a.position.x;
    expect(apart).toBe(true);
  });

  it('travels as a short link', () => {
    const s = defaultScenario();
    const link = encodeScenarioLink(s);
    expect(link.length).toBeLessThan(2000);
    const back = decodeScenarioLink(link, REGISTRY);
    expect(back.ok && back.scenario).toEqual(s);
  });

  // One run of the default scenario (120 s of virtual time): ~650 ms here.
  it(
    'runs headless: everything conserved, users served, the slow database visible',
    budget(1, 1_000),
    () => {
      const s = defaultScenario();
      const sim = createSimulation(s, { registry: REGISTRY });
      sim.runToEnd();
      const summary = sim.summary();
      expect(summary.conservation.ok).toBe(true);
      const users = summary.clients['users'];
      expect(users).toBeDefined();
      if (!users) return;
      expect(users.sent).toBeGreaterThan(0.9 * 60 * 300);
      expect(users.succeeded / users.sent).toBeGreaterThan(0.9);

      // One-second windows: p99 before the fault (0–60 s) against during it (60–90 s).
      const series = sim.series('users', 'whole');
      const p99 = series.fields['p99Ms'] ?? [];
      const window = (fromMs: number, toMs: number) =>
        p99.filter(
          (_, i) => (series.startMs[i] ?? -1) >= fromMs && (series.startMs[i] ?? -1) < toMs,
        );
      const before = mean(window(5_000, 60_000));
      const during = mean(window(62_000, 90_000));
      const after = mean(window(100_000, 300_000));
      expect(during).toBeGreaterThan(2 * before);
      expect(after).toBeLessThan(1.5 * before); // and it recovers
    },
  );
});
