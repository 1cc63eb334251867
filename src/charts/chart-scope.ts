/**
 * Whose series the charts show. Same shape as the host's `SeriesScope`, declared here because
 * src/charts may not import src/host; `run.series` accepts it structurally.
 */
export type ChartScope = { type: 'system' } | { type: 'node'; nodeId: string };

export type ChartRange = 'recent' | 'whole';

export const SYSTEM_SCOPE: ChartScope = { type: 'system' };

/** Scope for a selection: its first node when that node still exists, else the system. */
export function scopeNodeId(
  selectedNodes: readonly string[],
  nodes: readonly { id: string }[],
): string | null {
  const first = selectedNodes[0];
  return first !== undefined && nodes.some((n) => n.id === first) ? first : null;
}
