import { z } from 'zod';
import { IN_PERCENT, pathPrefixSchema } from '../kit/index.ts';

export const stranglerRouteSchema = z.strictObject({
  prefix: pathPrefixSchema,
  /** Share of this route's traffic served by the new system, 0 (all legacy) to 100. */
  percentToNew: z
    .number()
    .min(0)
    .max(100)
    .default(0)
    .meta({ title: 'To new system', ...IN_PERCENT }),
  /**
   * A rollback planned in the document: from this virtual time on the route sends everything
   * to legacy (as if its percentage were edited to 0 then), deterministic like any fault.
   */
  rollbackAtMs: z
    .number()
    .min(0)
    .nullable()
    .default(null)
    .meta({ title: 'Roll back at', noneLabel: 'No rollback', suggested: 60_000 }),
});
export type StranglerRoute = z.infer<typeof stranglerRouteSchema>;

export const stranglerConfigSchema = z.strictObject({
  routes: z.array(stranglerRouteSchema).max(64).default([]),
  /** Node id of the legacy system; null = the first outgoing edge. */
  legacyTarget: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .default(null)
    .meta({ noneLabel: 'First outgoing edge' }),
  /** Node id of the new system; null = the second outgoing edge. */
  newTarget: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .default(null)
    .meta({ noneLabel: 'Second outgoing edge' }),
  /** Decide by user id (else request key) when the request has one, so a user stays on one side. */
  sticky: z.boolean().default(true),
});
export type StranglerConfig = z.infer<typeof stranglerConfigSchema>;

/** murmur3's 32-bit finaliser: spreads consecutive ids evenly. */
function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A user's (or key's) fixed place in [0, 100) at 0.01 % resolution. The same for every route,
 * so the users on the new system at 10 % are still on it at 20 %, on every route.
 */
export function stickyBucket(id: number): number {
  return (mix32(id ^ 0x5bd1e995) % 10_000) / 100;
}

/** The route's share of new-system traffic at `nowMs`: 0 once its scheduled rollback is due. */
export function percentToNewAt(route: StranglerRoute, nowMs: number): number {
  return route.rollbackAtMs !== null && nowMs >= route.rollbackAtMs ? 0 : route.percentToNew;
}

/** New system or legacy: a place in [0, 100) below the route's percentage goes to the new one. */
export function goesToNew(percentToNew: number, place: number): boolean {
  return place < percentToNew;
}

/** Human-readable changes of the per-route percentages between two configs, e.g. "/orders 100% → 0%". */
export function routeChanges(
  before: readonly StranglerRoute[],
  after: readonly StranglerRoute[],
): string[] {
  const out: string[] = [];
  const old = new Map(before.map((r) => [r.prefix, r.percentToNew]));
  for (const r of after) {
    const was = old.get(r.prefix);
    if (was !== r.percentToNew) out.push(`${r.prefix} ${was ?? '–'}% → ${r.percentToNew}%`);
    old.delete(r.prefix);
  }
  for (const [prefix, was] of old) out.push(`${prefix} ${was}% → removed`);
  return out;
}
