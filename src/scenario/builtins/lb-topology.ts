import type { EdgeConfig, SimEdge, SimNode } from '../../engine/index.ts';
import { builtinEdge, builtinNode } from './build-helpers.ts';

/**
 * The topology the load-balancing built-ins share: client → load balancer → three instances
 * of one service, laid out left to right with the instances stacked. Node ids are fixed
 * (`client`, `lb`, `instance-1` … `instance-3`), so with/without variants keep every stream.
 */
export const INSTANCE_IDS = ['instance-1', 'instance-2', 'instance-3'] as const;

export interface LbTopologyOptions {
  ratePerSec: number;
  lb: Record<string, unknown>;
  instance: Record<string, unknown>;
  /** Per-instance edge config (e.g. weights), in INSTANCE_IDS order. */
  instanceEdges?: readonly Partial<EdgeConfig>[];
}

export function lbNodes(o: LbTopologyOptions): SimNode[] {
  return [
    builtinNode(
      'client',
      'client',
      'Client',
      { x: 100, y: 300 },
      {
        arrival: { type: 'poisson', ratePerSec: o.ratePerSec },
        timeoutMs: 2000,
      },
    ),
    builtinNode('lb', 'load-balancer', 'Load balancer', { x: 360, y: 300 }, o.lb),
    ...INSTANCE_IDS.map((id, i) =>
      builtinNode(id, 'service', `Instance ${i + 1}`, { x: 620, y: 160 + 140 * i }, o.instance),
    ),
  ];
}

export function lbEdges(o: LbTopologyOptions): SimEdge[] {
  return [
    builtinEdge('client', 'lb'),
    ...INSTANCE_IDS.map((id, i) => builtinEdge('lb', id, o.instanceEdges?.[i] ?? {})),
  ];
}
