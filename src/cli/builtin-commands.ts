import type { KindRegistry, SimScenario, SimSummary } from '../engine/index.ts';
import type { BuiltinScenario } from '../scenario/index.ts';
import { formatTable } from './text-table.ts';

/** One line of `sim --list --json` (a public contract). */
export interface BuiltinListing {
  id: string;
  title: string;
  patterns: string[];
  variants: string[];
}

export function builtinListing(builtins: readonly BuiltinScenario[]): BuiltinListing[] {
  return builtins.map((b) => ({
    id: b.id,
    title: b.title,
    patterns: [...b.patterns],
    variants: [...b.variants],
  }));
}

/** `sim --list` as text: one row per built-in. */
export function formatListing(listing: readonly BuiltinListing[]): string {
  const rows = listing.map((b) => [b.id, b.patterns.join(' '), b.variants.join(', '), b.title]);
  const lines = formatTable(
    [{ header: 'id' }, { header: 'patterns' }, { header: 'variants' }, { header: 'title' }],
    rows,
  );
  return `${lines.join('\n')}\n\nRun one: npm run sim -- --builtin <id> [--variant with|without]\n`;
}

/** Per pattern node: its kind and the figures its kind reports (amplification, shares …). */
export type PatternMetrics = Record<string, { kind: string } & Record<string, number | string>>;

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The `report` of every node whose kind has one, from the run's summary. */
export function patternMetrics(
  scenario: SimScenario,
  summary: SimSummary,
  registry: KindRegistry,
): PatternMetrics {
  const out: PatternMetrics = {};
  for (const node of scenario.nodes) {
    const report = registry.get(node.kind)?.report;
    const s = summary.nodes[node.id];
    if (!report || !s) continue;
    const figures = report({
      arrivals: s.arrivals,
      completed: s.completed,
      failed: s.failed,
      metrics: s.metrics ?? {},
      elapsedMs: summary.durationMs,
      lateResponses: s.lateResponses ?? 0,
    });
    const entry: { kind: string } & Record<string, number | string> = { kind: node.kind };
    for (const [k, v] of Object.entries(figures)) entry[k] = round(v);
    out[node.id] = entry;
  }
  return out;
}

/** Text lines for the pattern figures, under the node tables. */
export function formatPatternMetrics(metrics: PatternMetrics): string[] {
  return Object.entries(metrics).map(([id, m]) => {
    const parts = Object.entries(m)
      .filter(([k]) => k !== 'kind')
      .map(([k, v]) => `${k} ${v}`);
    return `  ${id} (${m.kind}): ${parts.join(', ')}`;
  });
}
