import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Share of the legacy CRM's answers carrying a value its model never documented. */
export const ACL_UNEXPECTED_RATE = 0.05;
export const ACL_TRANSLATION_MS = 2;

const TITLE = 'Anti-corruption layer';
const DESCRIPTION =
  'A new orders service (Poisson 200 req/s from its client) looks customers up in a legacy CRM. The CRM answers in its own model, and 5% of its answers carry values that model never documented (the injected fault: unexpectedFormatRate on the legacy system, all run long). With an anti-corruption layer in between, every answer is translated into the domain model (2 ms each) and unknown values map to a safe default: watch the layer\'s "defaulted" counter grow while the orders service never fails. The "without" variant wires the orders service straight to the CRM: it was written against the documented legacy values and fails "bad-format" on every undocumented one; compare the client\'s failures, and the 2 ms the translation costs.';

/**
 * E4: client (Poisson 200/s, 2 s timeout) → orders (domain-service) → acl
 * (anti-corruption-layer, 2 ms) → legacy-crm (legacy-system, 5 % undocumented values).
 * `without` removes the layer and wires orders to the CRM; ids, seed and traffic are unchanged.
 */
export const antiCorruptionLayerBuiltin: BuiltinScenario = {
  id: 'anti-corruption-layer',
  title: TITLE,
  patterns: ['E4'],
  description: DESCRIPTION,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
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
            unexpectedFormatRate: ACL_UNEXPECTED_RATE,
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
    });
  },
};
