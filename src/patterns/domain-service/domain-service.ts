import { z } from 'zod';
import {
  CallPhase,
  distributionSchema,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import {
  BAD_FORMAT,
  counter,
  formatOf,
  ONE_DOWNSTREAM,
  ratio,
  readable,
  waitingParent,
  workTimeUs,
} from '../kit/index.ts';

export const domainServiceConfigSchema = z.strictObject({
  /** Own work after its dependency answered. */
  serviceTime: distributionSchema.default({ type: 'exponential', meanMs: 5 }),
});
export type DomainServiceConfig = z.infer<typeof domainServiceConfigSchema>;

type N = NodeRuntime<DomainServiceConfig, null>;

const STEP_CALLING = 1;
const STEP_WORKING = 2;
const TAG_DONE = 1;

function work(ctx: SimContext, node: N, call: Call): void {
  call.step = STEP_WORKING;
  ctx.setTimer(node.index, workTimeUs(ctx, node), TAG_DONE, call);
}

export const domainServiceKind: KindDefinition<DomainServiceConfig, null> = {
  kind: 'domain-service',
  label: 'Domain service',
  category: 'compute',
  description:
    'A service of the new system that reads the answers of its one dependency (its first outgoing edge), then does its own work (serviceTime; no worker limit). It was written against the documented legacy values: an answer carrying a value nobody documented makes it fail with "bad-format". Put an anti-corruption layer between it and a legacy system so that it only ever sees the domain model.',
  configSchema: domainServiceConfigSchema,
  causes: [BAD_FORMAT],
  // Its one dependency; without one it only does its own work.
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'understood', label: 'Answers understood', unit: 'count' },
    { name: 'badFormat', label: 'Failed on bad format', unit: 'count' },
  ],
  init: () => null,
  report(f) {
    const bad = counter(f, 'badFormat');
    return { badFormatShare: ratio(bad, counter(f, 'understood') + bad) };
  },
  onCall(ctx, node: N, call) {
    const edge = ctx.outEdges(node.index)[0];
    if (edge === undefined) {
      work(ctx, node, call);
      return;
    }
    call.step = STEP_CALLING;
    ctx.send(node.index, edge, call.request, call);
  },
  onResponse(ctx, node: N, child) {
    const parent = waitingParent(ctx, child);
    if (!parent || parent.step !== STEP_CALLING) return;
    if (!child.ok) {
      ctx.respond(parent, false, child.cause);
      return;
    }
    if (!readable(formatOf(parent.request))) {
      ctx.count(node.index, 'badFormat');
      if (ctx.tracing) ctx.trace(node.index, 'acl.bad-format', parent.request, BAD_FORMAT.cause);
      ctx.respond(parent, false, BAD_FORMAT.cause);
      return;
    }
    ctx.count(node.index, 'understood');
    work(ctx, node, parent);
  },
  onTimer(ctx, _node, tag, call) {
    if (tag !== TAG_DONE || !call || call.step !== STEP_WORKING) return;
    if (call.phase === CallPhase.AtNode && !call.parked) ctx.respond(call, true);
  },
};
