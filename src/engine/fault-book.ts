import { msToUs } from './kernel/time.ts';
import type { NodeFaultState } from './model/context.ts';
import {
  faultWords,
  foldEdgeFaults,
  foldNodeFaults,
  noEdgeFaults,
  noFaults,
  type EdgeFaultState,
} from './model/fault-state.ts';
import type { KindRegistry } from './model/kind.ts';
import type { SimFault } from './model/scenario-types.ts';

export type FaultStatus = 'scheduled' | 'active' | 'ended' | 'removed';

/** What the fault book asks of the simulation it serves. */
export interface FaultBookHost {
  readonly nowUs: number;
  readonly tracing: boolean;
  readonly registry: KindRegistry;
  /** Schedules the start (`starting`) or end event of book entry `index` at `atUs`. */
  scheduleFault(atUs: number, index: number, starting: boolean): void;
  nodeIndexOf(id: string): number | undefined;
  edgeIndexOf(id: string): number | undefined;
  edgeSource(edge: number): number;
  /** A node's folded fault state changed; `crashedNow` when it has just crashed. */
  nodeFaultsChanged(node: number, crashedNow: boolean): void;
  edgeFaultsChanged(edge: number, state: EdgeFaultState): void;
  traceFault(node: number, type: string, detail: string): void;
}

/**
 * Every fault of a run, scheduled, active, ended or removed, and the folded state they put
 * each node and edge in. Owns its bookkeeping; the simulation hands it fault events and reads
 * `nodeStates` on its hot path.
 */
export class FaultBook {
  private readonly list: SimFault[] = [];
  private readonly status: FaultStatus[] = [];
  /** Per node: the fold of its active faults. */
  readonly nodeStates: NodeFaultState[];
  /** Per node and per edge: the badge words of its active faults. */
  readonly nodeWords: string[][];
  readonly edgeWords: string[][];

  constructor(
    private readonly host: FaultBookHost,
    nodeCount: number,
    edgeCount: number,
  ) {
    this.nodeStates = Array.from({ length: nodeCount }, noFaults);
    this.nodeWords = Array.from({ length: nodeCount }, () => []);
    this.edgeWords = Array.from({ length: edgeCount }, () => []);
  }

  /** Registers a fault and schedules its start and end. */
  add(fault: SimFault): void {
    const index = this.list.length;
    this.list.push(fault);
    this.status.push('scheduled');
    // The window is absolute: a fault added live whose window already began starts now and
    // still ends on schedule; one whose window is over never starts.
    const endUs = fault.durationMs === null ? Infinity : msToUs(fault.startMs + fault.durationMs);
    if (endUs <= this.host.nowUs) {
      this.status[index] = 'ended';
      return;
    }
    this.host.scheduleFault(Math.max(this.host.nowUs, msToUs(fault.startMs)), index, true);
    if (endUs !== Infinity) this.host.scheduleFault(endUs, index, false);
  }

  /** Removes every entry with this id that is not removed yet; false when there is none. */
  remove(id: string): boolean {
    let found = false;
    this.list.forEach((f, i) => {
      if (f.id !== id || this.status[i] === 'removed') return;
      found = true;
      const was = this.status[i];
      this.status[i] = 'removed';
      if (was === 'active') this.refresh(f);
    });
    return found;
  }

  /** Handles the start (`starting`) or end event of entry `index`. */
  apply(index: number, starting: boolean): void {
    const status = this.status[index];
    if (status === 'removed' || status === 'ended') return;
    if (starting && status !== 'scheduled') return;
    const fault = this.list[index] as SimFault;
    this.status[index] = starting ? 'active' : 'ended';
    if (this.host.tracing) {
      const edge = this.isEdgeFault(fault) ? this.host.edgeIndexOf(fault.target) : undefined;
      const where =
        edge !== undefined ? this.host.edgeSource(edge) : this.host.nodeIndexOf(fault.target);
      if (where !== undefined) {
        const type = starting ? 'fault.started' : 'fault.ended';
        this.host.traceFault(where, type, `${fault.type} ${fault.id}`);
      }
    }
    this.refresh(fault);
  }

  /** Ids of the faults in force now, in the order they were added. */
  activeIds(): string[] {
    return this.list.filter((_, i) => this.status[i] === 'active').map((f) => f.id);
  }

  /** True while a fault with this id is scheduled or active. */
  isPending(id: string): boolean {
    return this.list.some(
      (f, i) => f.id === id && (this.status[i] === 'scheduled' || this.status[i] === 'active'),
    );
  }

  private isEdgeFault(fault: SimFault): boolean {
    return this.host.registry.faultType(fault.type)?.targets === 'edge';
  }

  private activeOn(target: string): SimFault[] {
    return this.list.filter((f, i) => f.target === target && this.status[i] === 'active');
  }

  private refresh(fault: SimFault): void {
    const registry = this.host.registry;
    const lookup = (type: string) => registry.faultType(type);
    const active = this.activeOn(fault.target);
    if (this.isEdgeFault(fault)) {
      const edge = this.host.edgeIndexOf(fault.target);
      if (edge === undefined) return;
      this.edgeWords[edge] = faultWords(active, registry.faultTypes());
      this.host.edgeFaultsChanged(
        edge,
        active.length ? foldEdgeFaults(active, lookup) : noEdgeFaults(),
      );
      return;
    }
    const node = this.host.nodeIndexOf(fault.target);
    if (node === undefined) return;
    const crashedBefore = (this.nodeStates[node] as NodeFaultState).crashed;
    const state = foldNodeFaults(active, lookup);
    this.nodeStates[node] = state;
    this.nodeWords[node] = faultWords(active, registry.faultTypes());
    this.host.nodeFaultsChanged(node, !crashedBefore && state.crashed);
  }
}
