import { z } from 'zod';
import { Cause, type KindDefinition, type NodeRuntime } from '../../engine/index.ts';
import {
  branchAnswered,
  counter,
  perArrival,
  ratio,
  startFanOut,
  waitingParent,
} from '../kit/index.ts';

/** Calls per request of each preset (docs/patterns.md, E2: web 3 calls, mobile 2). */
export const PRESET_FAN_OUT = { web: 3, mobile: 2 } as const;

export const bffConfigSchema = z.strictObject({
  /** Which frontend this backend serves; sets the default fan-out. */
  preset: z.enum(['web', 'mobile', 'custom']).default('web'),
  /** Outgoing edges called per request (first N, document order); null = the preset's. */
  fanOut: z
    .number()
    .int()
    .min(1)
    .max(32)
    .nullable()
    .default(null)
    .meta({ noneLabel: "The preset's", suggested: 2 }),
});
export type BffConfig = z.infer<typeof bffConfigSchema>;

type N = NodeRuntime<BffConfig, null>;

/** Edges called per request: `fanOut`, else the preset's (custom: every outgoing edge). */
export function fanOutOf(config: BffConfig, edgeCount: number): number {
  const wanted =
    config.fanOut ?? (config.preset === 'custom' ? edgeCount : PRESET_FAN_OUT[config.preset]);
  return Math.min(wanted, edgeCount);
}

const STEP_AGGREGATING = 1;

export const bffKind: KindDefinition<BffConfig, null> = {
  kind: 'bff',
  label: 'Backend for frontend',
  category: 'routing',
  description:
    'A backend dedicated to one kind of frontend. For each request it calls its downstream services in parallel and answers with one composed response once the slowest has answered. The preset sets how many it calls: web 3 (a full page), mobile 2 (a lean screen), custom every outgoing edge; fanOut overrides it (the first N outgoing edges, in document order). A failed required branch fails the request; a failed optional branch (edge not required) leaves a smaller response. The payload metric counts the sections each response carries.',
  configSchema: bffConfigSchema,
  metrics: [
    { name: 'branches', label: 'Downstream calls', unit: 'count' },
    { name: 'payloadUnits', label: 'Response sections sent', unit: 'count' },
    { name: 'partial', label: 'Partial responses', unit: 'count' },
  ],
  init: () => null,
  report(f) {
    return {
      callsPerRequest: perArrival(f, 'branches'),
      payloadPerResponse: ratio(counter(f, 'payloadUnits'), f.completed),
      partialShare: ratio(counter(f, 'partial'), f.completed),
    };
  },
  onCall(ctx, node: N, call) {
    const edges = ctx.outEdges(node.index);
    const n = fanOutOf(node.config, edges.length);
    if (n === 0) {
      ctx.respond(call, false, Cause.NoRoute);
      return;
    }
    call.step = STEP_AGGREGATING;
    // Callee scratch: sections answered so far.
    call.slot = 0;
    ctx.count(node.index, 'branches', n);
    startFanOut(ctx, node.index, call, n === edges.length ? edges : edges.slice(0, n), n);
  },
  onResponse(ctx, node: N, child) {
    const parent = waitingParent(ctx, child);
    if (!parent || parent.step !== STEP_AGGREGATING) return;
    if (child.ok) parent.slot++;
    if (!branchAnswered(ctx, parent, child)) return;
    if (parent.failCause) {
      ctx.respond(parent, false, parent.failCause);
      return;
    }
    ctx.count(node.index, 'payloadUnits', parent.slot);
    // The branch count travelled as the caller tag of every branch.
    if (parent.slot < child.callerSlot) ctx.count(node.index, 'partial');
    ctx.respond(parent, true);
  },
};
