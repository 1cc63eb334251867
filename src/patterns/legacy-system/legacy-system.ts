import { z } from 'zod';
import {
  CallPhase,
  Cause,
  distributionSchema,
  probability,
  type KindDefinition,
  type NodeRuntime,
} from '../../engine/index.ts';
import { counter, Format, ratio, setFormat, workTimeUs } from '../kit/index.ts';
import { legacyFormatFault, legacyFormatShare } from './legacy-format-fault.ts';

export const legacySystemConfigSchema = z.strictObject({
  serviceTime: distributionSchema.default({ type: 'exponential', meanMs: 20 }),
  errorRate: probability.default(0),
  /**
   * Share of answers carrying a value the legacy model never documented, all run long; a
   * `legacy-format` fault raises it for its window (the larger of the two applies).
   */
  unexpectedFormatRate: probability.default(0),
});
export type LegacySystemConfig = z.infer<typeof legacySystemConfigSchema>;

type N = NodeRuntime<LegacySystemConfig, null>;

const STEP_WORKING = 1;
const TAG_DONE = 1;

export const legacySystemKind: KindDefinition<LegacySystemConfig, null> = {
  kind: 'legacy-system',
  label: 'Legacy system',
  category: 'compute',
  description:
    'An old system that answers in its own (legacy) model. Each call takes a sampled serviceTime (no worker limit: put a bulkhead in front to cap it) and may fail with errorRate. A share of its answers carry a value its model never documented — unexpectedFormatRate all run long, or the rate of a "legacy format" fault while it is active (the larger applies): a consumer coupled to the legacy model fails on those with "bad-format"; an anti-corruption layer maps them to a safe default.',
  configSchema: legacySystemConfigSchema,
  // It only answers: no output handle, no outgoing edges.
  outputs: [],
  kindFaults: [legacyFormatFault],
  metrics: [
    { name: 'legacyAnswers', label: 'Answers in the legacy model', unit: 'count' },
    { name: 'unexpectedFormat', label: 'Answers with undocumented values', unit: 'count' },
  ],
  init: () => null,
  report(f) {
    return {
      unexpectedShare: ratio(counter(f, 'unexpectedFormat'), counter(f, 'legacyAnswers')),
    };
  },
  onCall(ctx, node: N, call) {
    call.step = STEP_WORKING;
    ctx.setTimer(node.index, workTimeUs(ctx, node), TAG_DONE, call);
  },
  onTimer(ctx, node: N, tag, call) {
    if (tag !== TAG_DONE || !call || call.step !== STEP_WORKING) return;
    if (call.phase !== CallPhase.AtNode || call.parked) return;
    const f = ctx.faults(node.index);
    // Work in progress when the process crashed is lost, as in a service.
    if (f.crashed) {
      ctx.respond(call, false, Cause.Refused);
      return;
    }
    const p = Math.max(node.config.errorRate, f.errorRate);
    if (p > 0 && ctx.rng(node.index, 'errors').chance(p)) {
      ctx.respond(call, false, Cause.Error);
      return;
    }
    const share = Math.max(node.config.unexpectedFormatRate, legacyFormatShare(f));
    const unexpected = ctx.rng(node.index, 'formats').chance(share);
    setFormat(call.request, unexpected ? Format.Unexpected : Format.Legacy);
    ctx.count(node.index, 'legacyAnswers');
    if (unexpected) ctx.count(node.index, 'unexpectedFormat');
    ctx.respond(call, true);
  },
};
