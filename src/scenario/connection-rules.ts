import {
  maxOutputs,
  outputsOf,
  quote,
  type KindRegistry,
  type SimNode,
  type SimScenario,
} from '../engine/index.ts';

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): ConnectionCheck => ({ ok: false, reason });

/** What the person sees on the canvas: the label, or the id when there is none. */
const nameOf = (node: SimNode) => node.label ?? node.id;

const unknownKind = (node: SimNode) =>
  `${nameOf(node)} is of an unknown kind (${quote(node.kind)}).`;

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'An' : 'A');

/**
 * The shortest existing call path from `from` to `to` (node ids, both ends included), or
 * undefined. Breadth-first over edges in document order, so the answer is deterministic.
 */
function callPath(scenario: SimScenario, from: string, to: string): string[] | undefined {
  const out = new Map<string, string[]>();
  for (const e of scenario.edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
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
    for (const next of out.get(id) ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, id);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * Whether the editor may add an edge `sourceId → targetId` (the source calls the target).
 * Pure; a refusal carries a sentence to show next to the attempted connection.
 */
export function canConnect(
  scenario: SimScenario,
  sourceId: string,
  targetId: string,
  registry: KindRegistry,
): ConnectionCheck {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const source = byId.get(sourceId);
  if (!source) return refuse(`There is no component with id ${quote(sourceId)}.`);
  const target = byId.get(targetId);
  if (!target) return refuse(`There is no component with id ${quote(targetId)}.`);
  if (sourceId === targetId) return refuse('A node cannot call itself.');

  const sourceDef = registry.get(source.kind);
  if (!sourceDef) return refuse(unknownKind(source));
  const targetDef = registry.get(target.kind);
  if (!targetDef) return refuse(unknownKind(target));
  if (targetDef.isSource) {
    const label = targetDef.label.toLowerCase();
    return refuse(`${targetDef.label}s only send requests; nothing can call a ${label}.`);
  }
  // The kind's declared outputs: none, or at most so many downstream edges.
  if (outputsOf(sourceDef).length === 0) {
    const label = sourceDef.label.toLowerCase();
    return refuse(`${article(label)} ${label} does not call other components.`);
  }
  const existing = scenario.edges.filter((e) => e.source === sourceId);
  if (existing.some((e) => e.target === targetId)) {
    return refuse(`${nameOf(source)} already calls ${nameOf(target)}.`);
  }
  const max = maxOutputs(sourceDef);
  if (max !== null && existing.length >= max) {
    const label = sourceDef.label.toLowerCase();
    const first = byId.get(existing[0]?.target ?? '');
    const which = max === 1 && first ? ` (${nameOf(first)}); remove that edge first` : '';
    const count = max === 1 ? 'one downstream' : `at most ${max} downstreams`;
    return refuse(`${article(label)} ${label} calls ${count}${which}.`);
  }
  // Cycles are refused in the editor: a request would be passed around the loop forever.
  const back = callPath(scenario, targetId, sourceId);
  if (back) {
    const names = [sourceId, ...back].map((id) => {
      const node = byId.get(id);
      return node ? nameOf(node) : id;
    });
    return refuse(
      `${nameOf(source)} calling ${nameOf(target)} would create a loop: ${names.join(' → ')}; requests would circle forever.`,
    );
  }
  return { ok: true };
}
