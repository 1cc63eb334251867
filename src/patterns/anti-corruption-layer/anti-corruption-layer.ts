import { z } from 'zod';
import {
  CallPhase,
  US_PER_MS,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import {
  counter,
  downstreamOrNoRoute,
  Format,
  formatOf,
  ONE_DOWNSTREAM,
  ratio,
  setFormat,
  translate,
  waitingParent,
} from '../kit/index.ts';

export const aclConfigSchema = z.strictObject({
  /** Time to translate one answer into the domain model. */
  translationMs: z.number().min(0).max(60_000).default(2),
});
export type AclConfig = z.infer<typeof aclConfigSchema>;

type N = NodeRuntime<AclConfig, null>;

const STEP_FORWARDED = 1;
const STEP_TRANSLATING = 2;
const TAG_TRANSLATED = 1;

function answer(ctx: SimContext, call: Call): void {
  if (call.phase === CallPhase.AtNode && !call.parked) ctx.respond(call, true);
}

export const antiCorruptionLayerKind: KindDefinition<AclConfig, null> = {
  kind: 'anti-corruption-layer',
  label: 'Anti-corruption layer',
  category: 'routing',
  description:
    'A translator between a consumer and a legacy system (its one outgoing edge). Every answer in the legacy model is translated into the domain model, taking translationMs; values the legacy model never documented map to a safe default (counted as defaulted) instead of reaching the consumer. Failures are relayed untouched; answers already in the domain model (or from non-legacy services) pass through without cost.',
  configSchema: aclConfigSchema,
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'translated', label: 'Answers translated', unit: 'count' },
    { name: 'defaulted', label: 'Unknown values defaulted', unit: 'count' },
    { name: 'passedThrough', label: 'Passed through', unit: 'count' },
    { name: 'translationMs', label: 'Time translating', unit: 'ms' },
  ],
  init: () => null,
  report(f) {
    const translated = counter(f, 'translated');
    return {
      defaultedShare: ratio(counter(f, 'defaulted'), translated),
      meanTranslationMs: ratio(counter(f, 'translationMs'), translated),
    };
  },
  onCall(ctx, node: N, call) {
    const edge = downstreamOrNoRoute(ctx, node.index, call);
    if (edge < 0) return;
    call.step = STEP_FORWARDED;
    ctx.send(node.index, edge, call.request, call);
  },
  onResponse(ctx, node: N, child) {
    const parent = waitingParent(ctx, child);
    if (!parent || parent.step !== STEP_FORWARDED) return;
    if (!child.ok) {
      ctx.respond(parent, false, child.cause);
      return;
    }
    const t = translate(formatOf(parent.request));
    if (!t.translated) {
      ctx.count(node.index, 'passedThrough');
      ctx.respond(parent, true);
      return;
    }
    setFormat(parent.request, Format.Domain);
    ctx.count(node.index, 'translated');
    if (t.defaulted) {
      ctx.count(node.index, 'defaulted');
      if (ctx.tracing) ctx.trace(node.index, 'acl.defaulted', parent.request);
    }
    const f = ctx.faults(node.index);
    const us = Math.round(
      node.config.translationMs * US_PER_MS * f.latencyMultiplier + f.addLatencyUs,
    );
    ctx.count(node.index, 'translationMs', us / US_PER_MS);
    if (us <= 0) {
      ctx.respond(parent, true);
      return;
    }
    parent.step = STEP_TRANSLATING;
    ctx.setTimer(node.index, us, TAG_TRANSLATED, parent);
  },
  onTimer(ctx, _node, tag, call) {
    if (tag === TAG_TRANSLATED && call && call.step === STEP_TRANSLATING) answer(ctx, call);
  },
};
