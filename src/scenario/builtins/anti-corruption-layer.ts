import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Share of the legacy CRM's answers carrying undocumented values while the fault is on. */
export const ACL_UNEXPECTED_RATE = 0.05;
/** The legacy-format fault on the CRM: from 30 s for 60 s. */
export const ACL_FAULT_START_MS = 30_000;
export const ACL_FAULT_DURATION_MS = 60_000;
export const ACL_TRANSLATION_MS = 2;

const TITLE = 'Anti-corruption layer';
const DESCRIPTION =
  'A new orders service (Poisson 200 req/s from its client) looks customers up in a legacy CRM. The CRM answers in its own model; from 30 s to 90 s a "legacy format" fault makes 5% of its answers carry values that model never documented. With an anti-corruption layer in between, every answer is translated into the domain model (2 ms each) and unknown values map to a safe default: watch the layer\'s "defaulted" counter grow during the fault while the orders service never fails. The "without" variant wires the orders service straight to the CRM: it was written against the documented legacy values and fails "bad-format" on every undocumented one, so the client\'s failures appear with the fault and stop when it ends; compare them, and the 2 ms the translation costs all run long.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'failures',
  caption:
    'Client failures per second during the legacy-format fault: none with the anti-corruption layer; bad-format failures without it.',
  withPattern: 'lower',
};
/**
 * E4: client (Poisson 200/s, 2 s timeout) → orders (domain-service) → acl
 * (anti-corruption-layer, 2 ms) → legacy-crm (legacy-system), with a legacy-format fault
 * (5 % undocumented values) on the CRM from 30 s for 60 s.
 * `without` removes the layer and wires orders to the CRM; ids, seed and traffic are unchanged.
 */
export const antiCorruptionLayerBuiltin: BuiltinScenario = {
  id: 'anti-corruption-layer',
  title: TITLE,
  patterns: ['E4'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['E4'],
      variant,
      seed: 31,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: 200 },
            timeoutMs: 2000,
          },
        ),
        builtinNode(
          'orders',
          'domain-service',
          'Orders (new)',
          { x: 360, y: 300 },
          {
            serviceTime: { type: 'exponential', meanMs: 5 },
          },
        ),
        ...(on
          ? [
              builtinNode(
                'acl',
                'anti-corruption-layer',
                'Anti-corruption layer',
                { x: 620, y: 300 },
                {
                  translationMs: ACL_TRANSLATION_MS,
                },
              ),
            ]
          : []),
        builtinNode(
          'legacy-crm',
          'legacy-system',
          'Legacy CRM',
          { x: 880, y: 300 },
          {
            serviceTime: { type: 'lognormal', medianMs: 20, p99Ms: 80 },
          },
        ),
      ],
      edges: on
        ? [
            builtinEdge('client', 'orders'),
            builtinEdge('orders', 'acl'),
            builtinEdge('acl', 'legacy-crm'),
          ]
        : [builtinEdge('client', 'orders'), builtinEdge('orders', 'legacy-crm')],
      faults: [
        {
          id: 'crm-legacy-format',
          type: 'legacy-format',
          target: 'legacy-crm',
          startMs: ACL_FAULT_START_MS,
          durationMs: ACL_FAULT_DURATION_MS,
          rate: ACL_UNEXPECTED_RATE,
        },
      ],
    });
  },
};
