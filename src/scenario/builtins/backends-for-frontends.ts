import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Latency fault on the recommendation service: +300 ms from 30 s for 60 s. */
export const BFF_SLOW_START_MS = 30_000;
export const BFF_SLOW_DURATION_MS = 60_000;
export const BFF_SLOW_ADD_MS = 300;

const TITLE = 'Backends for frontends';
const DESCRIPTION =
  'A web app (Poisson 100 req/s) and a mobile app (Poisson 150 req/s) each have their own backend for frontend. The web BFF builds a full page from three services called in parallel (profile, orders, recommendations); the mobile BFF builds a lean screen from two (profile, orders). At 30 s the recommendation service becomes 300 ms slower for 60 s (a latency fault). Watch the web client slow down while the mobile client stays fast, and compare the sections per response (web 3, mobile 2). The "without" variant gives both apps one general-purpose API that always calls all three services: the mobile app now waits for recommendations it never shows, and receives them too.';

const svc = (id: string, label: string, y: number, meanMs: number) =>
  builtinNode(
    id,
    'service',
    label,
    { x: 620, y },
    {
      workers: 200,
      serviceTime: { type: 'exponential', meanMs },
    },
  );

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['mobile-client', 'web-client'],
  figure: 'p99',
  caption:
    'Mobile (first line) vs web p99 while recommendations are slow: the mobile BFF never calls them, so mobile stays fast; one shared API makes mobile wait too.',
  withPattern: 'lower',
};
/**
 * E2: web-client → web-bff (web preset: profile, orders, recs) and mobile-client → mobile-bff
 * (mobile preset: profile, orders); recs slowed by 300 ms from 30 s to 90 s. `without`
 * replaces both BFFs with one aggregator "api" calling all three services for every client;
 * client and service ids, seed and traffic are unchanged.
 */
export const backendsForFrontendsBuiltin: BuiltinScenario = {
  id: 'backends-for-frontends',
  title: TITLE,
  patterns: ['E2'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    const services = ['profile', 'orders', 'recs'];
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['E2'],
      variant,
      seed: 17,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'web-client',
          'client',
          'Web app',
          { x: 100, y: 230 },
          {
            arrival: { type: 'poisson', ratePerSec: 100 },
            timeoutMs: 2000,
          },
        ),
        builtinNode(
          'mobile-client',
          'client',
          'Mobile app',
          { x: 100, y: 370 },
          {
            arrival: { type: 'poisson', ratePerSec: 150 },
            timeoutMs: 2000,
          },
        ),
        ...(on
          ? [
              builtinNode('web-bff', 'bff', 'Web BFF', { x: 360, y: 230 }, { preset: 'web' }),
              builtinNode(
                'mobile-bff',
                'bff',
                'Mobile BFF',
                { x: 360, y: 370 },
                {
                  preset: 'mobile',
                },
              ),
            ]
          : [builtinNode('api', 'bff', 'General API', { x: 360, y: 300 }, { preset: 'custom' })]),
        svc('profile', 'Profile', 160, 10),
        svc('orders', 'Orders', 300, 20),
        svc('recs', 'Recommendations', 440, 30),
      ],
      edges: on
        ? [
            builtinEdge('web-client', 'web-bff'),
            builtinEdge('mobile-client', 'mobile-bff'),
            ...services.map((s) => builtinEdge('web-bff', s)),
            ...services.slice(0, 2).map((s) => builtinEdge('mobile-bff', s)),
          ]
        : [
            builtinEdge('web-client', 'api'),
            builtinEdge('mobile-client', 'api'),
            ...services.map((s) => builtinEdge('api', s)),
          ],
      faults: [
        {
          id: 'recs-slow',
          type: 'latency',
          target: 'recs',
          startMs: BFF_SLOW_START_MS,
          durationMs: BFF_SLOW_DURATION_MS,
          addMs: BFF_SLOW_ADD_MS,
          multiplier: 1,
        },
      ],
    });
  },
};
