import { outputsOf, type AnyKindDefinition } from '../engine/index.ts';
import type { ScenarioDocument } from './schema.ts';
import { quote, type ScenarioError } from './scenario-error.ts';

/**
 * An edge's `config.role` names one of its source kind's output roles (`dead-letter` out of a
 * queue), leads to a broker (a kind that holds messages), and a source has at most as many
 * edges in a role as the role allows. Read from the kinds' declarations: no kind is named here.
 */
export function edgeRoleErrors(
  doc: Pick<ScenarioDocument, 'edges'>,
  defOf: (nodeId: string) => AnyKindDefinition | undefined,
): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const used = new Map<string, number>();
  doc.edges.forEach((edge, i) => {
    const role = edge.config.role;
    if (role === undefined) return;
    const path = `edges[${i}].config.role`;
    const from = defOf(edge.source);
    const to = defOf(edge.target);
    // Unknown nodes and kinds are reported by the connection rules.
    if (!from || !to) return;
    const port = outputsOf(from).find((p) => p.role === role);
    if (!port) {
      errors.push({
        path,
        message: `an edge with role ${quote(role)} must leave a component that has one; node ${quote(edge.source)} (kind ${quote(from.kind)}) has none`,
      });
      return;
    }
    if (!to.messages) {
      errors.push({
        path,
        message: `a ${role} edge must lead to a message broker; node ${quote(edge.target)} (kind ${quote(to.kind)}) holds no messages`,
      });
      return;
    }
    const key = `${edge.source}\u0000${role}`;
    const count = (used.get(key) ?? 0) + 1;
    used.set(key, count);
    if (port.max !== null && count > port.max) {
      errors.push({
        path,
        message: `node ${quote(edge.source)} takes at most ${port.max} ${role} edge${port.max === 1 ? '' : 's'}`,
      });
    }
  });
  return errors;
}
