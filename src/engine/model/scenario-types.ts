import type { Distribution } from '../kernel/distributions.ts';

/**
 * The validated, defaults-applied scenario the engine runs. The JSON document format
 * (docs/architecture.md §7) is parsed into this by `src/scenario`; field names are a public
 * contract.
 */
export interface SimScenario {
  format: 'faultline-scenario';
  version: number;
  meta: ScenarioMeta;
  /** 32-bit unsigned integer. */
  seed: number;
  durationMs: number;
  nodes: SimNode[];
  edges: SimEdge[];
  faults: SimFault[];
  /** Labelled regions of the canvas (bounded contexts). Drawing only: the engine ignores them. */
  groups: SimGroup[];
}

/** A bounded context drawn on the canvas: a labelled rectangle behind the nodes it holds. */
export interface SimGroup {
  id: string;
  label: string;
  /** Top-left corner and size, in canvas units (like node positions). */
  position: Position;
  width: number;
  height: number;
}

export interface ScenarioMeta {
  title: string;
  description: string;
  /** Catalogue ids such as "R1". */
  patterns: string[];
  /** What to watch: the node(s) and figure that carry the scenario's lesson. Drawing only. */
  watch?: ScenarioWatch | undefined;
}

/**
 * The node(s) and figure that show a scenario's lesson, charted on their own when it opens.
 * The engine ignores it; `src/scenario` validates it (figures: `watch-figures.ts`).
 */
export interface ScenarioWatch {
  /** One node, or two to compare (e.g. web vs mobile); the claim is about the first. */
  nodes: string[];
  /** A registered figure id (`goodput`, `p99`, …) or `metric:<name>` of the nodes' kind. */
  figure: string;
  /** One line saying what to see, in the project's words. */
  caption: string;
  /** How the figure's mean over the fault windows compares with the pattern vs without it. */
  withPattern: 'lower' | 'higher';
  /** Over which time the means compare: the fault windows (the default) or the whole run. */
  over?: 'faults' | 'run' | undefined;
}

export interface Position {
  x: number;
  y: number;
}

export interface SimNode {
  id: string;
  kind: string;
  label?: string | undefined;
  position: Position;
  /** Validated by the kind's config schema, defaults applied. */
  config: Record<string, unknown>;
}

export interface EdgeConfig {
  /** One-way network latency, added to the call and again to its response. `null` = none. */
  latency: Distribution | null;
  /** Probability that the caller makes this call for a given request. */
  callProbability: number;
  /** A failed required call fails the caller's response; an optional one does not. */
  required: boolean;
  /** Relative weight when a caller picks one edge among several (clients, routers). */
  weight: number;
  /** An edge out of a queue that takes its dead letters (absent: a normal edge). */
  role?: 'dead-letter' | undefined;
  /** On an edge into a broker: the type of the messages it publishes (default: producer id + "Event"). */
  messageType?: string | undefined;
  /** On a subscription out of a topic: only messages of these types (absent: every type). */
  filterTypes?: string[] | undefined;
}

export interface SimEdge {
  id: string;
  source: string;
  target: string;
  label?: string | undefined;
  config: EdgeConfig;
}

/**
 * A fault on the timeline (docs/architecture.md §5): when, on what, and of which registered type,
 * with the type's own parameters (`rate`, `addMs`, …) beside the common fields, validated by the
 * type's schema (`faultSchema`). Fault types are a registry (`FaultTypeDefinition`).
 */
export interface SimFault {
  id: string;
  /** A registered fault type: "error-rate", "crash", … */
  type: string;
  /** Node id, or edge id for edge faults. */
  target: string;
  startMs: number;
  /** `null` = until the end of the run. */
  durationMs: number | null;
  /** The type's parameters. */
  [param: string]: unknown;
}

/** Fault types are open-ended strings, each defined once in the fault registry. */
export type FaultType = string;

export const DEFAULT_EDGE_CONFIG: EdgeConfig = {
  latency: null,
  callProbability: 1,
  required: true,
  weight: 1,
};
