import type { EventQueue } from './kernel/event-queue.ts';
import type { NodeStats } from './metrics/node-stats.ts';
import type { EdgeStats } from './metrics/edge-stats.ts';
import type { CallPool } from './model/call.ts';
import type { NodeFaultState, SimContext } from './model/context.ts';
import type { AnyKindDefinition, NodeRuntime } from './model/kind.ts';
import type { SimFault } from './model/scenario-types.ts';
import type { EdgeRuntime } from './simulation-graph.ts';

export type FaultStatus = 'scheduled' | 'active' | 'ended' | 'removed';

/**
 * What the fault book (simulation-faults.ts) reads and writes on the core. An interface of
 * its own so the book and the core do not import each other.
 */
export interface FaultHost extends SimContext {
  readonly queue: EventQueue;
  readonly pool: CallPool;
  readonly nodes: readonly NodeRuntime[];
  readonly edges: readonly EdgeRuntime[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly edgeIndex: ReadonlyMap<string, number>;
  /** Per node: the fold of its active faults. */
  readonly nodeFaults: NodeFaultState[];
  readonly faultList: SimFault[];
  readonly faultStatus: FaultStatus[];
  def(node: number): AnyKindDefinition;
  stat(node: number): NodeStats;
  edgeStat(edge: number): EdgeStats;
}
