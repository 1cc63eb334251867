import { frameDiagnosis, kindInfo, type NodeFrame, type NodeStatus } from '../store/index.ts';

/** The nodes named in the row above the canvas; the rest are counted. */
export const STUCK_LINES_SHOWN = 3;

interface NamedNode {
  id: string;
  kind: string;
  label?: string | undefined;
}

/**
 * What the row above the canvas says about stuck nodes, in document order: one line per node
 * whose status is Stuck — "Orders: all 4 workers waiting on a partitioned call; 12 000
 * queued; no timeout is set" — at most STUCK_LINES_SHOWN, then "…and 2 more nodes are stuck".
 */
export function stuckLines(
  nodes: readonly NamedNode[],
  statuses: Readonly<Record<string, NodeStatus>>,
  frames: Readonly<Record<string, NodeFrame>>,
): string[] {
  const lines: string[] = [];
  for (const n of nodes) {
    if (statuses[n.id]?.health !== 'stuck') continue;
    const role = kindInfo(n.kind)?.isSource ? 'source' : 'node';
    const d = frameDiagnosis(frames[n.id], role);
    if (d) lines.push(`${n.label ?? n.id}: ${d.text}`);
  }
  if (lines.length <= STUCK_LINES_SHOWN) return lines;
  const more = lines.length - STUCK_LINES_SHOWN;
  return [
    ...lines.slice(0, STUCK_LINES_SHOWN),
    `…and ${more} more node${more === 1 ? ' is' : 's are'} stuck (their status reads Stuck).`,
  ];
}
