import { msToUs } from './kernel/time.ts';
import { CallPhase } from './model/call.ts';
import { Cause, type NodeFaultState } from './model/context.ts';
import { foldEdgeFaults, foldNodeFaults, isEdgeFault } from './model/fault-state.ts';
import type { NodeRuntime } from './model/kind.ts';
import type { SimFault } from './model/scenario-types.ts';
import type { FaultHost as SimulationCore } from './fault-host.ts';
import { EV_FAULT, PRIORITY_FAULT } from './simulation-constants.ts';

export type { FaultStatus } from './fault-host.ts';

/** Registers a fault and schedules its start and end events. */
export function addFault(core: SimulationCore, fault: SimFault): void {
  const index = core.faultList.length;
  core.faultList.push(fault);
  core.faultStatus.push('scheduled');
  // The window is absolute: a fault added live whose window already began starts now and
  // still ends on schedule; one whose window is over never starts.
  const endUs = fault.durationMs === null ? Infinity : msToUs(fault.startMs + fault.durationMs);
  if (endUs <= core.nowUs) {
    core.faultStatus[index] = 'ended';
    return;
  }
  core.queue.push(Math.max(core.nowUs, msToUs(fault.startMs)), PRIORITY_FAULT, EV_FAULT, index, 1);
  if (endUs !== Infinity) core.queue.push(endUs, PRIORITY_FAULT, EV_FAULT, index, 0);
}

export function removeFault(core: SimulationCore, index: number): void {
  const was = core.faultStatus[index];
  core.faultStatus[index] = 'removed';
  if (was === 'active') refreshFaultTarget(core, core.faultList[index] as SimFault);
}

/** Handles a fault's start (`starting`) or end event. */
export function applyFault(core: SimulationCore, index: number, starting: boolean): void {
  const status = core.faultStatus[index];
  if (status === 'removed' || status === 'ended') return;
  if (starting && status !== 'scheduled') return;
  const fault = core.faultList[index] as SimFault;
  core.faultStatus[index] = starting ? 'active' : 'ended';
  const where = isEdgeFault(fault)
    ? core.edges[core.edgeIndex.get(fault.target) ?? -1]?.source
    : core.nodeIndex.get(fault.target);
  if (core.tracing && where !== undefined) {
    core.trace(
      where,
      starting ? 'fault.started' : 'fault.ended',
      undefined,
      undefined,
      `${fault.type} ${fault.id}`,
    );
  }
  refreshFaultTarget(core, fault);
}

/** A crash ends the hung process too: its parked calls fail like every other open call. */
function resetParkedCalls(core: SimulationCore, node: number): void {
  for (const call of core.pool.calls) {
    if (call.phase === CallPhase.AtNode && call.to === node && call.parked) {
      call.parked = false;
      core.respond(call, false, Cause.Refused);
    }
  }
}

function activeFaultsOn(core: SimulationCore, target: string): SimFault[] {
  return core.faultList.filter((f, i) => f.target === target && core.faultStatus[i] === 'active');
}

function refreshFaultTarget(core: SimulationCore, fault: SimFault): void {
  if (isEdgeFault(fault)) {
    const e = core.edges[core.edgeIndex.get(fault.target) ?? -1];
    if (e) {
      e.faults = foldEdgeFaults(activeFaultsOn(core, fault.target));
      core.edgeStat(e.index).dirty = true;
    }
    return;
  }
  const node = core.nodeIndex.get(fault.target);
  if (node === undefined) return;
  const crashedBefore = (core.nodeFaults[node] as NodeFaultState).crashed;
  core.nodeFaults[node] = foldNodeFaults(activeFaultsOn(core, fault.target));
  core.stat(node).dirty = true;
  if (!crashedBefore && (core.nodeFaults[node] as NodeFaultState).crashed)
    resetParkedCalls(core, node);
  core.def(node).onFaultChange?.(core, core.nodes[node] as NodeRuntime);
}
