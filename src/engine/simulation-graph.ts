import { compileDistribution, type Sampler } from './kernel/distributions.ts';
import { createStream, type RandomStream } from './kernel/rng.ts';
import { noEdgeFaults, type EdgeFaultState } from './model/fault-state.ts';
import type { AnyKindDefinition, KindRegistry, NodeRuntime } from './model/kind.ts';
import type { EdgeConfig, SimScenario } from './model/scenario-types.ts';

/** One edge of the running graph: its live config and compiled latency. */
export interface EdgeRuntime {
  readonly index: number;
  readonly id: string;
  readonly source: number;
  readonly target: number;
  config: EdgeConfig;
  latency: Sampler | null;
  readonly rng: RandomStream;
  /** The fold of the faults active on the edge (maintained by the fault book). */
  faults: EdgeFaultState;
}

/**
 * The scenario's nodes and edges indexed once, at construction: node and edge records by
 * index, ids to indexes, each node's outgoing edges, each node's kind definition. Records,
 * their configs and edge lists are allocated in index order, close together: a large graph's
 * events visit node after node, and their data should not be spread over the heap.
 */
export class SimGraph {
  readonly nodes: readonly NodeRuntime[];
  readonly edges: readonly EdgeRuntime[];
  readonly ids: readonly string[];
  /** Per node: its kind is a traffic source (a client). */
  readonly isSource: readonly boolean[];
  /** Nodes whose kind holds messages (declares `messages`): checked for message conservation. */
  readonly brokers: readonly number[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly edgeIndex: ReadonlyMap<string, number>;
  private readonly defs: readonly AnyKindDefinition[];
  private readonly out: readonly (readonly number[])[];

  constructor(scenario: SimScenario, registry: KindRegistry, seed: number) {
    const nodeIndex = new Map<string, number>();
    const defs = scenario.nodes.map((n, i) => {
      const def = registry.get(n.kind);
      if (!def) throw new Error(`nodes[${i}].kind: unknown kind "${n.kind}"`);
      nodeIndex.set(n.id, i);
      return def;
    });
    const out = scenario.nodes.map((): number[] => []);
    const edgeIndex = new Map<string, number>();
    this.edges = scenario.edges.map((e, i): EdgeRuntime => {
      const source = nodeIndex.get(e.source);
      const target = nodeIndex.get(e.target);
      if (source === undefined || target === undefined) {
        throw new Error(`edges[${i}]: dangling edge ${e.source} → ${e.target}`);
      }
      edgeIndex.set(e.id, i);
      (out[source] as number[]).push(i);
      return {
        index: i,
        id: e.id,
        source,
        target,
        // Copied, so each edge's config sits beside its record (read on every call).
        config: { ...e.config },
        latency: e.config.latency ? compileDistribution(e.config.latency) : null,
        rng: createStream(seed, e.id, 'latency'),
        faults: noEdgeFaults(),
      };
    });
    this.nodes = scenario.nodes.map((n, i) => ({
      index: i,
      id: n.id,
      kind: n.kind,
      config: { ...n.config },
      state: undefined,
      derived: undefined,
    }));
    this.ids = scenario.nodes.map((n) => n.id);
    this.isSource = defs.map((d) => d.isSource === true);
    this.brokers = defs.flatMap((d, i) => (d.messages ? [i] : []));
    this.defs = defs;
    // Each list at its exact size, one after the other: a node's outgoing edges in one cache
    // line beside its neighbours', not in a growth buffer allocated at the first push.
    this.out = out.map((edges) => edges.slice());
    this.nodeIndex = nodeIndex;
    this.edgeIndex = edgeIndex;
  }

  get nodeCount(): number {
    return this.nodes.length;
  }

  get edgeCount(): number {
    return this.edges.length;
  }

  node(index: number): NodeRuntime {
    return this.nodes[index] as NodeRuntime;
  }

  edge(index: number): EdgeRuntime {
    return this.edges[index] as EdgeRuntime;
  }

  nodeId(index: number): string {
    return this.ids[index] as string;
  }

  def(index: number): AnyKindDefinition {
    return this.defs[index] as AnyKindDefinition;
  }

  /** Edge indexes leaving the node, in document order. */
  outEdges(index: number): readonly number[] {
    return this.out[index] as readonly number[];
  }
}
