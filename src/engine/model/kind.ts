import type { z } from 'zod';
import type { NodeFaultState, SimContext } from './context.ts';
import type { LoadWords } from './load-words.ts';
import type { Call } from './call.ts';
import { CORE_FAULT_TYPES } from './faults/index.ts';
import type { AnyFaultTypeDefinition } from './fault-type.ts';
import { ENGINE_CAUSES, type CauseClass, type CauseDefinition } from './causes.ts';
import type { MessageCounts } from './message.ts';

/** Palette categories (the visual simulator groups kinds by these). */
export type KindCategory =
  'traffic' | 'compute' | 'resilience' | 'routing' | 'messaging' | 'data' | 'deployment';

export interface NodeStateLabel {
  text: string;
  tone: 'ok' | 'warn' | 'bad';
}

/** A declared metric of a kind: shown in summaries, inspectors and charts. */
export interface MetricSpec {
  name: string;
  label: string;
  unit: 'count' | 'ms' | 'ratio' | 'per-sec' | 'state';
  /**
   * Set on a metric that counts the milliseconds spent in one state of a stateful kind: the
   * charts' state strip plots, per window, the state the node spent most time in.
   */
  state?: NodeStateLabel;
}

/** A node's end-of-run figures, as a kind's `report` sees them. */
export interface NodeFigures {
  arrivals: number;
  completed: number;
  failed: Readonly<Record<string, number>>;
  /** The kind's declared counters (absent ones are 0). */
  metrics: Readonly<Record<string, number>>;
  /** Simulated time covered so far (ms). */
  elapsedMs: number;
  /** Answers that came back after this node had stopped waiting for them (absent = 0). */
  lateResponses?: number;
}

/** The live view of one node inside a running simulation. */
export interface NodeRuntime<Config = Record<string, unknown>, State = unknown> {
  readonly index: number;
  readonly id: string;
  readonly kind: string;
  config: Config;
  /** Plain, JSON-able data owned by the kind (docs/architecture.md §2). */
  state: State;
  /**
   * Derived from config only (compiled samplers, stream handles), owned by the kind, rebuilt
   * on config change; never part of a snapshot. Keeps lookups off the per-event path.
   */
  derived: unknown;
}

/** One role of a kind's outgoing edges (the messaging wave adds `consumer`, `dead-letter`). */
export interface OutputPort {
  /** "call": a synchronous call downstream. */
  role: string;
  /** The role in words, for the editor: "Downstream". */
  label: string;
  /** At most this many edges in this role; null = any number. */
  max: number | null;
}

/** What a kind that declares no outputs gets: any number of downstream calls. */
export const DEFAULT_OUTPUTS: readonly OutputPort[] = [
  { role: 'call', label: 'Downstream', max: null },
];

/** A kind's outgoing-edge roles; empty when it never calls anything. */
export function outputsOf(def: Pick<AnyKindDefinition, 'outputs'>): readonly OutputPort[] {
  return def.outputs ?? DEFAULT_OUTPUTS;
}

/** The most outgoing edges a kind takes in all (null = any number). */
export function maxOutputs(def: Pick<AnyKindDefinition, 'outputs'>): number | null {
  let total = 0;
  for (const p of outputsOf(def)) {
    if (p.max === null) return null;
    total += p.max;
  }
  return total;
}

/**
 * Everything the engine knows about one component kind. Adding a pattern is a new folder
 * that exports one of these, plus one registry line.
 */
export interface KindDefinition<Config = Record<string, unknown>, State = unknown> {
  kind: string;
  label: string;
  category: KindCategory;
  description: string;
  /** Parses a node's `config`, applying defaults; errors name the field. */
  configSchema: z.ZodType<Config>;
  /** Traffic sources start requests themselves and receive no calls (no input). */
  isSource?: boolean;
  /**
   * Its outgoing edges, by role; `[]` for a kind that never calls anything (no output
   * handle, no outgoing edges in the editor). Default: any number of downstream calls.
   */
  outputs?: readonly OutputPort[];
  /** The failure causes it answers with beyond the engine's own, each with its class. */
  causes?: readonly CauseDefinition[];
  /**
   * Kind-specific fault types this kind reacts to (their `foldNode` writes what the kind reads
   * from `ctx.faults(node).custom`), beyond the node faults every kind gets. Listing a type
   * here registers it; such a fault may only target nodes whose kind lists it.
   */
  kindFaults?: readonly AnyFaultTypeDefinition[];
  metrics: readonly MetricSpec[];
  init(ctx: SimContext, node: NodeRuntime<Config, State>): State;
  /** Runs once at time 0, after every node is initialised. */
  start?(ctx: SimContext, node: NodeRuntime<Config, State>): void;
  /** A call arrived at this node (`call.to === node.index`). */
  onCall?(ctx: SimContext, node: NodeRuntime<Config, State>, call: Call): void;
  /** The response to one of this node's outgoing calls arrived (`call.from === node.index`). */
  onResponse?(ctx: SimContext, node: NodeRuntime<Config, State>, call: Call): void;
  /** A timer set by this node fired. `call` is null for timers not tied to a call. */
  onTimer?(ctx: SimContext, node: NodeRuntime<Config, State>, tag: number, call: Call | null): void;
  /** Faults on a node this one sends to over `edge` changed (started or ended). */
  onDownstreamFaultChange?(ctx: SimContext, node: NodeRuntime<Config, State>, edge: number): void;
  /** Faults on this node or its traffic changed (started or ended). */
  onFaultChange?(ctx: SimContext, node: NodeRuntime<Config, State>): void;
  /**
   * For stateful kinds: the current state in a word or two with its tone, shown on the node
   * (e.g. { text: 'OPEN', tone: 'bad' } for a circuit breaker).
   */
  stateLabel?(node: NodeRuntime<Config, State>): NodeStateLabel;
  /**
   * Pattern figures derived from the node's counters for reports (`sim --builtin`), e.g. a
   * breaker's time shares per state or a retry's amplification. Pure; keys are camelCase.
   */
  report?(figures: NodeFigures): Record<string, number>;
  /**
   * Its settings that decide how much work it makes or holds, in words, for the sentence a
   * run stops with when work piles up or loops (README, "Limits"): a client's rate, a pool's
   * workers and queue limit. `faults`: its faults in force (a traffic spike multiplies a rate).
   */
  describeLoad?(config: Config, faults: NodeFaultState): LoadWords;
  /**
   * A broker: what became of its messages and where the rest are, for message conservation
   * (checked at every frame with `walk` false, from its counters; at the end of a run with
   * `walk` true, counting the messages it holds one by one). Absent for kinds that hold none.
   */
  messages?(node: NodeRuntime<Config, State>, walk: boolean): MessageCounts;
  /** The node's config was edited live (`patch`). */
  onConfigChange?(ctx: SimContext, node: NodeRuntime<Config, State>, previous: Config): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds kinds of every config type
export type AnyKindDefinition = KindDefinition<any, any>;

/** Every component kind and every fault type a simulation (and a document) may use. */
export interface KindRegistry {
  get(kind: string): AnyKindDefinition | undefined;
  kinds(): readonly AnyKindDefinition[];
  faultType(type: string): AnyFaultTypeDefinition | undefined;
  /** In menu order: the given fault types, then the kinds' own (`kindFaults`). */
  faultTypes(): readonly AnyFaultTypeDefinition[];
  /** The class of a failure cause the engine or a kind declares; undefined for others. */
  causeClass(cause: string): CauseClass | undefined;
  /** Every declared cause: the engine's own, then the kinds' in registry order. */
  causes(): readonly CauseDefinition[];
}

/**
 * A registry of `definitions`, with `faultTypes` (the engine's own by default) plus every
 * fault type a kind declares in `kindFaults`. Names must be unique.
 */
export function createRegistry(
  definitions: readonly AnyKindDefinition[],
  faultTypes: readonly AnyFaultTypeDefinition[] = CORE_FAULT_TYPES,
): KindRegistry {
  const byKind = new Map<string, AnyKindDefinition>();
  for (const d of definitions) {
    if (byKind.has(d.kind)) throw new Error(`kind "${d.kind}" is registered twice`);
    byKind.set(d.kind, d);
  }
  const byType = new Map<string, AnyFaultTypeDefinition>();
  const addFaultType = (f: AnyFaultTypeDefinition) => {
    const known = byType.get(f.type);
    if (known === f) return;
    if (known) throw new Error(`fault type "${f.type}" is registered twice`);
    byType.set(f.type, f);
  };
  for (const f of faultTypes) addFaultType(f);
  for (const d of definitions) for (const f of d.kindFaults ?? []) addFaultType(f);
  const byCause = new Map<string, CauseDefinition>();
  for (const c of [...ENGINE_CAUSES, ...definitions.flatMap((d) => d.causes ?? [])]) {
    const known = byCause.get(c.cause);
    if (known && known.class !== c.class) {
      throw new Error(`cause "${c.cause}" is declared as ${known.class} and as ${c.class}`);
    }
    if (!known) byCause.set(c.cause, c);
  }
  const all = [...byKind.values()];
  const allFaults = [...byType.values()];
  const allCauses = [...byCause.values()];
  return {
    get: (kind) => byKind.get(kind),
    kinds: () => all,
    faultType: (type) => byType.get(type),
    faultTypes: () => allFaults,
    causeClass: (cause) => byCause.get(cause)?.class,
    causes: () => allCauses,
  };
}
