import type { z } from 'zod';
import { compileDistribution } from './kernel/distributions.ts';
import { msToUs, US_PER_MS } from './kernel/time.ts';
import type { LatencySummaryMs } from './metrics/histogram.ts';
import type { SeriesView } from './metrics/time-series.ts';
import { edgeConfigSchema } from './model/config-schemas.ts';
import { issueMessage } from './model/zod-messages.ts';
import { kindsHonouring, parseFault } from './model/fault-parse.ts';
import { faultTargetProblem, type FaultTargetFacts } from './model/fault-type.ts';
import type { SimFault, SimScenario } from './model/scenario-types.ts';
import type { ConservationReport } from './conservation.ts';
import { defaultRegistry, SimulationCore, type SimulationOptions } from './simulation.ts';
import type { StuckFigures } from './stuck-calls.ts';
import { summarize, type SimSummary } from './summary.ts';
import { buildFrame, type TelemetryFrame } from './telemetry.ts';

/** Live edits applied at the current virtual time. */
export type SimPatch =
  | { type: 'node-config'; nodeId: string; config: Record<string, unknown> }
  | { type: 'edge-config'; edgeId: string; config: Record<string, unknown> }
  | { type: 'fault-add'; fault: SimFault }
  | { type: 'fault-remove'; faultId: string };

export type PatchResult = { ok: true } | { ok: false; errors: string[] };

export interface SimSnapshot {
  timeMs: number;
  events: number;
  nodes: {
    id: string;
    kind: string;
    config: unknown;
    state: unknown;
    arrivals: number;
    ok: number;
    failed: Record<string, number>;
  }[];
  activeFaults: string[];
}

export interface NodeDetail {
  id: string;
  kind: string;
  arrivals: number;
  ok: number;
  failed: Record<string, number>;
  inFlight: number;
  /** Time-average in flight since the start (Little's law: L = λ·W). */
  meanInFlight: number;
  utilization: number;
  busy: number;
  capacity: number;
  queueDepth: number;
  maxQueueDepth: number;
  lateResponses: number;
  latencyMs: LatencySummaryMs;
  metrics: Record<string, number>;
  /** Its waits that will never end (stuck-calls.ts), or null. */
  stuck: StuckFigures | null;
}

export interface Simulation {
  readonly timeMs: number;
  readonly durationMs: number;
  readonly events: number;
  readonly done: boolean;
  /** Hash of every processed event (only with `hashEvents`). */
  readonly eventHash: number;
  /** Processes one event; false when the run has reached its end. */
  step(): boolean;
  /** Processes every event up to `timeMs` (capped at the duration) and moves the clock there. */
  advanceTo(timeMs: number): void;
  runToEnd(): void;
  /** What changed since the last call; checks conservation (throws if broken). */
  drainFrame(): TelemetryFrame;
  summary(): SimSummary;
  snapshot(): SimSnapshot;
  /** A live edit at the current virtual time; after the end it is checked, not applied. */
  patch(patch: SimPatch): PatchResult;
  /** Everything the engine knows about one node or client right now (for inspectors, tests). */
  nodeDetail(nodeId: string): NodeDetail;
  /** A node's windowed series: the recent full-resolution windows, or the whole run. */
  series(nodeId: string, range: 'recent' | 'whole'): SeriesView;
  conservation(): ConservationReport;
  /** Pauses or resumes the trace stream (only with a `trace` option). */
  setTracing(enabled: boolean): void;
}

function issuesToMessages(issues: readonly z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((i) => {
    const path = [
      prefix,
      ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)),
    ].join('');
    return `${path.replace(/\.\[/g, '[')}: ${i.message}`;
  });
}

/**
 * Checks a live fault exactly as a document's faults are checked (the same schema of its type,
 * the same target rules), and returns it parsed, defaults applied.
 */
function checkLiveFault(
  core: SimulationCore,
  raw: SimFault,
  /** Whether the fault is to be added now (an id already pending is then refused). */
  adding: boolean,
): { ok: true; fault: SimFault } | { ok: false; errors: string[] } {
  const at = `fault ${String(raw.id)}`;
  const parsed = parseFault(raw, core.registry);
  const def = parsed.def;
  const errors: string[] = [];
  if (def && typeof raw.target === 'string') {
    const problem = faultTargetProblem(def, raw.target, targetFacts(core, raw.target), () =>
      kindsHonouring(core.registry, def.type),
    );
    if (problem) errors.push(`${at}.target: ${problem}`);
  }
  if (!parsed.ok) errors.push(...issuesToMessages(parsed.issues, at));
  if (adding && typeof raw.id === 'string' && core.faultBook.isPending(raw.id)) {
    errors.push(`${at}: a fault with this id is already scheduled or active`);
  }
  if (errors.length || !parsed.ok) return { ok: false, errors };
  return { ok: true, fault: parsed.fault };
}

/** What a live fault's target is, as the target rules see it. */
function targetFacts(core: SimulationCore, target: string): FaultTargetFacts {
  const node = core.graph.nodeIndex.get(target);
  const facts: FaultTargetFacts = { isEdge: core.graph.edgeIndex.has(target) };
  if (node !== undefined) {
    const def = core.graph.def(node);
    facts.node = {
      kind: def.kind,
      isSource: core.graph.isSource[node] === true,
      kindFaults: (def.kindFaults ?? []).map((f) => f.type),
    };
  }
  return facts;
}

export function createSimulation(
  scenario: SimScenario,
  options: SimulationOptions = {},
): Simulation {
  const core = new SimulationCore(scenario, defaultRegistry(options), options);
  let windowsAtLastFrame = 0;

  function finish(): void {
    if (core.finished) return;
    core.metrics.closeRun(core.durationUs);
    core.nowUs = core.durationUs;
    core.finished = true;
    core.assertConservation();
  }

  function advanceTo(timeMs: number): void {
    const targetUs = Math.min(core.durationUs, Math.max(core.nowUs, msToUs(timeMs)));
    core.runUntil(targetUs);
    core.metrics.closeUpTo(targetUs);
    core.nowUs = targetUs;
    if (targetUs >= core.durationUs) finish();
  }

  function patchNode(nodeId: string, config: Record<string, unknown>, apply: boolean): PatchResult {
    const index = core.graph.nodeIndex.get(nodeId);
    if (index === undefined) return { ok: false, errors: [`no node with id "${nodeId}"`] };
    const node = core.graph.node(index);
    const parsed = core.graph
      .def(index)
      .configSchema.safeParse({ ...node.config, ...config }, { error: issueMessage });
    if (!parsed.success)
      return { ok: false, errors: issuesToMessages(parsed.error.issues, `${nodeId}.config`) };
    if (!apply) return { ok: true };
    const previous = node.config;
    node.config = parsed.data as Record<string, unknown>;
    core.graph.def(index).onConfigChange?.(core, node, previous);
    return { ok: true };
  }

  function patchEdge(edgeId: string, config: Record<string, unknown>, apply: boolean): PatchResult {
    const index = core.graph.edgeIndex.get(edgeId);
    const edge = index === undefined ? undefined : core.graph.edge(index);
    if (!edge) return { ok: false, errors: [`no edge with id "${edgeId}"`] };
    const parsed = edgeConfigSchema.safeParse(
      { ...edge.config, ...config },
      { error: issueMessage },
    );
    if (!parsed.success)
      return { ok: false, errors: issuesToMessages(parsed.error.issues, `${edgeId}.config`) };
    if (!apply) return { ok: true };
    edge.config = parsed.data;
    edge.latency = parsed.data.latency ? compileDistribution(parsed.data.latency) : null;
    return { ok: true };
  }

  return {
    get timeMs() {
      return core.nowUs / US_PER_MS;
    },
    get durationMs() {
      return scenario.durationMs;
    },
    get events() {
      return core.events;
    },
    get done() {
      return core.finished;
    },
    get eventHash() {
      return core.eventHash;
    },
    step() {
      if (core.finished) return false;
      if (core.step()) return true;
      finish();
      return false;
    },
    advanceTo,
    runToEnd: () => advanceTo(scenario.durationMs),
    drainFrame() {
      // Counters, not the walk over every live call: frames come tens of times a second.
      core.assertCountersConserved();
      const frame = buildFrame(core, windowsAtLastFrame);
      windowsAtLastFrame = core.metrics.windowsClosed;
      return frame;
    },
    summary: () => summarize(core),
    snapshot: () =>
      structuredClone({
        timeMs: core.nowUs / US_PER_MS,
        events: core.events,
        nodes: core.graph.nodes.map((n, i) => ({
          id: n.id,
          kind: n.kind,
          config: n.config,
          state: n.state,
          arrivals: core.metrics.node(i).arrivals,
          ok: core.metrics.node(i).ok,
          failed: core.metrics.node(i).failed,
        })),
        activeFaults: core.faultBook.activeIds(),
      }),
    patch(p) {
      // Once the run has ended its figures are final (conservation was checked on them): a
      // patch changes nothing — it can only matter to the next run, which starts from the
      // document. Bad values are still refused as ever; what depends on the run's state (a
      // fault id in use, one to remove) no longer does, as the run's faults no longer change.
      const apply = !core.finished;
      switch (p.type) {
        case 'node-config':
          return patchNode(p.nodeId, p.config, apply);
        case 'edge-config':
          return patchEdge(p.edgeId, p.config, apply);
        case 'fault-add': {
          const checked = checkLiveFault(core, p.fault, apply);
          if (!checked.ok) return checked;
          if (apply) core.faultBook.add(checked.fault);
          return { ok: true };
        }
        case 'fault-remove':
          return !apply || core.faultBook.remove(p.faultId)
            ? { ok: true }
            : { ok: false, errors: [`no fault with id "${p.faultId}"`] };
      }
    },
    nodeDetail(nodeId) {
      const index = core.graph.nodeIndex.get(nodeId);
      if (index === undefined) throw new Error(`no node with id "${nodeId}"`);
      const s = core.metrics.node(index);
      return {
        id: nodeId,
        kind: core.graph.node(index).kind,
        arrivals: s.arrivals,
        ok: s.ok,
        failed: { ...s.failed },
        inFlight: s.inFlight,
        meanInFlight: s.meanInFlight(core.nowUs),
        utilization: s.utilization(core.nowUs),
        busy: s.busy,
        capacity: s.capacity,
        queueDepth: s.queueDepth,
        maxQueueDepth: s.maxQueueDepth,
        lateResponses: s.lateResponses,
        latencyMs: s.latency.summaryMs(),
        metrics: { ...s.custom },
        stuck: core.stuck.figures(index),
      };
    },
    series(nodeId, range) {
      const index = core.graph.nodeIndex.get(nodeId);
      if (index === undefined) throw new Error(`no node with id "${nodeId}"`);
      const s = core.metrics.series(index);
      return range === 'recent' ? s.recent() : s.whole();
    },
    conservation: () => core.conservation(),
    setTracing(enabled) {
      core.tracing = enabled && options.trace !== undefined;
    },
  };
}
