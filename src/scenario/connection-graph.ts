import {
  maxOutputs,
  outputsOf,
  type AnyKindDefinition,
  type KindRegistry,
} from '../engine/index.ts';

/** What the connection rules need of a node. */
export interface GraphNode {
  id: string;
  kind: string;
  label?: string | undefined;
}

type End = 'source' | 'target';

/**
 * Why an edge `source → target` may not join a graph, as data: the editor and the document
 * validator word it differently (connection-rules.ts), but judge it by this one function.
 */
export type ConnectionProblem =
  | { rule: 'unknown-node'; missing: { end: End; id: string }[] }
  | { rule: 'self'; node: GraphNode }
  | { rule: 'unknown-kind'; node: GraphNode }
  | { rule: 'into-source'; target: GraphNode; kindLabel: string }
  | { rule: 'no-outputs'; source: GraphNode; kindLabel: string }
  /** `earlier`: the index (in the order edges were added) of the edge that already does it. */
  | { rule: 'duplicate'; source: GraphNode; target: GraphNode; earlier: number }
  | {
      rule: 'max-outputs';
      source: GraphNode;
      kindLabel: string;
      max: number;
      /** The first downstream it already calls and that edge's index (none when `max` is 0). */
      first?: { node: GraphNode; edge: number };
    }
  /** `loop`: the nodes from the source round to the source again (source → target → … → source). */
  | { rule: 'cycle'; loop: GraphNode[] };

interface Outgoing {
  target: string;
  index: number;
}

/**
 * The call graph the connection rules judge: nodes (the first of a repeated id wins; repeats
 * are reported by the id checks) and the edges added so far, in order.
 */
export class ConnectionGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly out = new Map<string, Outgoing[]>();
  private readonly registry: KindRegistry;

  constructor(nodes: readonly GraphNode[], registry: KindRegistry) {
    this.registry = registry;
    for (const node of nodes) if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** Adds an edge as it is (no checks); `index` is how problems refer back to it. */
  add(source: string, target: string, index: number): void {
    const list = this.out.get(source);
    if (list) list.push({ target, index });
    else this.out.set(source, [{ target, index }]);
  }

  /**
   * The first rule `source → target` breaks, in a fixed order — ids, self, kinds, into a
   * traffic source, out of a kind with no outputs, duplicate, past the kind's most outputs,
   * loop — or null. `loops: false` skips the loop search (see `connectionErrors`).
   */
  problem(source: string, target: string, loops = true): ConnectionProblem | null {
    const from = this.nodes.get(source);
    const to = this.nodes.get(target);
    if (!from || !to) {
      const missing: { end: End; id: string }[] = [];
      if (!from) missing.push({ end: 'source', id: source });
      if (!to) missing.push({ end: 'target', id: target });
      return { rule: 'unknown-node', missing };
    }
    if (source === target) return { rule: 'self', node: from };
    const fromDef = this.registry.get(from.kind);
    if (!fromDef) return { rule: 'unknown-kind', node: from };
    const toDef = this.registry.get(to.kind);
    if (!toDef) return { rule: 'unknown-kind', node: to };
    if (toDef.isSource) return { rule: 'into-source', target: to, kindLabel: toDef.label };
    return this.outputProblem(from, fromDef, to) ?? (loops ? this.loopProblem(from, to) : null);
  }

  private outputProblem(
    from: GraphNode,
    def: AnyKindDefinition,
    to: GraphNode,
  ): ConnectionProblem | null {
    if (outputsOf(def).length === 0) {
      return { rule: 'no-outputs', source: from, kindLabel: def.label };
    }
    const existing = this.out.get(from.id) ?? [];
    const same = existing.find((e) => e.target === to.id);
    if (same) return { rule: 'duplicate', source: from, target: to, earlier: same.index };
    const max = maxOutputs(def);
    if (max !== null && existing.length >= max) {
      const first = existing[0];
      const node = first && this.nodes.get(first.target);
      return {
        rule: 'max-outputs',
        source: from,
        kindLabel: def.label,
        max,
        ...(first && node ? { first: { node, edge: first.index } } : {}),
      };
    }
    return null;
  }

  private loopProblem(from: GraphNode, to: GraphNode): ConnectionProblem | null {
    const back = this.callPath(to.id, from.id);
    if (!back) return null;
    const loop = [from.id, ...back].map((id) => this.nodes.get(id) ?? { id, kind: '' });
    return { rule: 'cycle', loop };
  }

  /**
   * The shortest existing call path from `from` to `to` (ids, both ends included), or
   * undefined. Breadth-first over edges in the order they were added: deterministic.
   */
  private callPath(from: string, to: string): string[] | undefined {
    const cameFrom = new Map<string, string>([[from, from]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i] as string;
      if (id === to) {
        const path = [to];
        for (let at = to; at !== from;) {
          at = cameFrom.get(at) as string;
          path.push(at);
        }
        return path.reverse();
      }
      for (const { target } of this.out.get(id) ?? []) {
        if (!cameFrom.has(target)) {
          cameFrom.set(target, id);
          queue.push(target);
        }
      }
    }
    return undefined;
  }

  /** Whether the edges added so far contain a loop (Kahn's algorithm, linear). */
  hasLoop(): boolean {
    const indegree = new Map<string, number>();
    for (const list of this.out.values()) {
      for (const { target } of list) indegree.set(target, (indegree.get(target) ?? 0) + 1);
    }
    const ready = [...this.out.keys()].filter((id) => !indegree.has(id));
    let removed = 0;
    let edges = 0;
    for (const list of this.out.values()) edges += list.length;
    while (ready.length > 0) {
      const id = ready.pop() as string;
      for (const { target } of this.out.get(id) ?? []) {
        removed++;
        const left = (indegree.get(target) as number) - 1;
        indegree.set(target, left);
        if (left === 0) ready.push(target);
      }
    }
    return removed !== edges;
  }
}
