import { quote, type KindRegistry, type SimEdge, type SimScenario } from '../engine/index.ts';
import { ConnectionGraph, type ConnectionProblem, type GraphNode } from './connection-graph.ts';
import type { ScenarioError } from './scenario-error.ts';

// One set of connection rules (connection-graph.ts) for every way an edge comes to be: drawn
// on the canvas (`canConnect`), or found in a document — imported, opened from a link, run by
// the CLI, or produced by a live edit — (`connectionErrors`). Each rule has its two wordings
// here, side by side: a sentence for the person drawing, and a field-anchored document error.

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

type Rule = ConnectionProblem['rule'];
type ProblemOf<R extends Rule> = Extract<ConnectionProblem, { rule: R }>;

/** What the person sees on the canvas: the label, or the id when there is none. */
const nameOf = (node: GraphNode) => node.label ?? node.id;
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'An' : 'A');
const downstreams = (max: number) => (max === 1 ? 'one downstream' : `at most ${max} downstreams`);
const CIRCLE = 'requests would circle forever';

interface Wording<R extends Rule> {
  /** One sentence shown next to the attempted connection. */
  editor(p: ProblemOf<R>): string;
  /** Errors on edge `edges[i]` of a document; none when another check already reports it. */
  document(p: ProblemOf<R>, edge: string): ScenarioError[];
}

const WORDING: { [R in Rule]: Wording<R> } = {
  'unknown-node': {
    editor: (p) => `There is no component with id ${quote(p.missing[0]?.id ?? '')}.`,
    document: (p, edge) =>
      p.missing.map(({ end, id }) => ({
        path: `${edge}.${end}`,
        message: `no node with id ${quote(id)}`,
      })),
  },
  self: {
    editor: () => 'A node cannot call itself.',
    document: (p, edge) => [
      {
        path: `${edge}.target`,
        message: `an edge cannot connect node ${quote(p.node.id)} to itself`,
      },
    ],
  },
  'unknown-kind': {
    editor: (p) => `${nameOf(p.node)} is of an unknown kind (${quote(p.node.kind)}).`,
    // Reported once, at the node's `kind`.
    document: () => [],
  },
  'into-source': {
    editor: (p) =>
      `${p.kindLabel}s only send requests; nothing can call a ${p.kindLabel.toLowerCase()}.`,
    document: (p, edge) => [
      {
        path: `${edge}.target`,
        message: `node ${quote(p.target.id)} (kind ${quote(p.target.kind)}) is a traffic source and cannot receive calls`,
      },
    ],
  },
  'no-outputs': {
    editor: (p) => {
      const label = p.kindLabel.toLowerCase();
      return `${article(label)} ${label} does not call other components.`;
    },
    document: (p, edge) => [
      {
        path: `${edge}.source`,
        message: `node ${quote(p.source.id)} (kind ${quote(p.source.kind)}) does not call other components`,
      },
    ],
  },
  duplicate: {
    editor: (p) => `${nameOf(p.source)} already calls ${nameOf(p.target)}.`,
    document: (p, edge) => [
      {
        path: `${edge}.target`,
        message: `node ${quote(p.source.id)} already calls ${quote(p.target.id)} (edges[${p.earlier}])`,
      },
    ],
  },
  'max-outputs': {
    editor: (p) => {
      const label = p.kindLabel.toLowerCase();
      const which =
        p.max === 1 && p.first ? ` (${nameOf(p.first.node)}); remove that edge first` : '';
      return `${article(label)} ${label} calls ${downstreams(p.max)}${which}.`;
    },
    document: (p, edge) => {
      const already = p.first
        ? `, and already calls ${quote(p.first.node.id)} (edges[${p.first.edge}])${p.max > 1 ? ' and others' : ''}`
        : '';
      return [
        {
          path: `${edge}.source`,
          message: `node ${quote(p.source.id)} (kind ${quote(p.source.kind)}) calls ${downstreams(p.max)}${already}`,
        },
      ];
    },
  },
  cycle: {
    editor: (p) => {
      const [from, to] = p.loop;
      const names = p.loop.map(nameOf).join(' → ');
      return `${nameOf(from as GraphNode)} calling ${nameOf(to as GraphNode)} would create a loop: ${names}; ${CIRCLE}.`;
    },
    document: (p, edge) => {
      const [from, to] = p.loop;
      const ids = p.loop.map((n) => n.id).join(' → ');
      return [
        {
          path: edge,
          message: `${(from as GraphNode).id} → ${(to as GraphNode).id} closes a call cycle ${ids}; ${CIRCLE}`,
        },
      ];
    },
  },
};

const editorReason = (p: ConnectionProblem) => (WORDING[p.rule] as Wording<Rule>).editor(p);
const documentErrors = (p: ConnectionProblem, edge: string) =>
  (WORDING[p.rule] as Wording<Rule>).document(p, edge);

function graphOf(scenario: SimScenario, registry: KindRegistry): ConnectionGraph {
  const graph = new ConnectionGraph(scenario.nodes, registry);
  scenario.edges.forEach((e, i) => graph.add(e.source, e.target, i));
  return graph;
}

/**
 * Whether the editor may add an edge `sourceId → targetId` (the source calls the target).
 * Pure; a refusal carries a sentence to show next to the attempted connection. A document
 * with the edge appended passes `connectionErrors` exactly when this says ok.
 */
export function canConnect(
  scenario: SimScenario,
  sourceId: string,
  targetId: string,
  registry: KindRegistry,
): ConnectionCheck {
  const problem = graphOf(scenario, registry).problem(sourceId, targetId);
  return problem ? { ok: false, reason: editorReason(problem) } : { ok: true };
}

/**
 * The connection rules over a document's edges, judged as the editor would have judged them
 * drawn one by one in document order: each edge against the ones before it that passed. So
 * a loop is reported on the edge that closes it, and removing every reported edge leaves a
 * document the editor could have drawn. Linear when there is no loop; the loop search runs
 * edge by edge only when the edges do contain one.
 */
export function connectionErrors(
  nodes: readonly GraphNode[],
  edges: readonly Pick<SimEdge, 'source' | 'target'>[],
  registry: KindRegistry,
): ScenarioError[] {
  const judge = (loops: boolean) => {
    const graph = new ConnectionGraph(nodes, registry);
    const errors: ScenarioError[] = [];
    edges.forEach((e, i) => {
      const problem = graph.problem(e.source, e.target, loops);
      if (problem) errors.push(...documentErrors(problem, `edges[${i}]`));
      else graph.add(e.source, e.target, i);
    });
    return { errors, graph };
  };
  const quick = judge(false);
  return quick.graph.hasLoop() ? judge(true).errors : quick.errors;
}
