import type { KindRegistry, SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import type { ScenarioDocumentInput } from './schema.ts';
import { formatErrors } from './scenario-error.ts';
import { parseScenario } from './validate.ts';

const EDGE_LATENCY = { latency: { type: 'constant', valueMs: 1 } } as const;

/**
 * What a first visit shows: a small checkout system whose database slows down a minute in.
 * Kept as a document (not a SimScenario) so it goes through the same validation as a link.
 * Laid out left to right to fill a 1440×900 canvas. Nodes are drawn 200 × ~120; each group
 * (bounded context) frames its nodes with 30 px of padding, plus 24 px on top for its label.
 */
const DEFAULT_SCENARIO_DOCUMENT: ScenarioDocumentInput = {
  format: 'faultline-scenario',
  version: 2,
  meta: {
    title: 'Checkout under a slow database',
    description:
      "Users reach Orders and Catalog through a Gateway that calls both in parallel; Orders reads and writes the Orders DB. Watch the Users p99 latency and the Orders queue: at 60 s the Orders DB becomes 8× slower for 30 s, Orders' four workers fill up waiting on it, and every checkout slows down although Catalog is healthy. Then inject faults of your own — crash the database, add an error rate to Orders, spike the traffic — and see which ones the users notice.",
    patterns: [],
  },
  seed: 42,
  durationMs: 300_000,
  nodes: [
    {
      id: 'users',
      kind: 'client',
      label: 'Users',
      position: { x: 200, y: 400 },
      config: { arrival: { type: 'poisson', ratePerSec: 60 }, timeoutMs: 1000 },
    },
    {
      id: 'gateway',
      kind: 'service',
      label: 'Gateway',
      position: { x: 460, y: 400 },
      config: {
        workers: 8,
        serviceTime: { type: 'exponential', meanMs: 2 },
        callMode: 'parallel',
      },
    },
    {
      id: 'orders',
      kind: 'service',
      label: 'Orders',
      position: { x: 720, y: 270 },
      config: { workers: 4, serviceTime: { type: 'lognormal', medianMs: 8, p99Ms: 40 } },
    },
    {
      id: 'catalog',
      kind: 'service',
      label: 'Catalog',
      position: { x: 720, y: 530 },
      config: { workers: 4, serviceTime: { type: 'exponential', meanMs: 6 } },
    },
    {
      id: 'orders-db',
      kind: 'database',
      label: 'Orders DB',
      position: { x: 980, y: 270 },
      config: { connections: 8 },
    },
  ],
  edges: [
    { id: 'users-gateway', source: 'users', target: 'gateway', config: EDGE_LATENCY },
    { id: 'gateway-orders', source: 'gateway', target: 'orders', config: EDGE_LATENCY },
    { id: 'gateway-catalog', source: 'gateway', target: 'catalog', config: EDGE_LATENCY },
    { id: 'orders-orders-db', source: 'orders', target: 'orders-db', config: EDGE_LATENCY },
  ],
  faults: [
    {
      id: 'slow-orders-db',
      type: 'latency',
      target: 'orders-db',
      startMs: 60_000,
      durationMs: 30_000,
      multiplier: 8,
    },
  ],
  groups: [
    // Orders (720, 270) and Orders DB (980, 270).
    {
      id: 'ordering-context',
      label: 'Ordering',
      position: { x: 690, y: 216 },
      width: 520,
      height: 204,
    },
    // Catalog (720, 530).
    {
      id: 'catalog-context',
      label: 'Catalog',
      position: { x: 690, y: 476 },
      width: 260,
      height: 204,
    },
  ],
};

/** The first-visit scenario, validated against `registry` (a fresh object on every call). */
export function defaultScenario(registry: KindRegistry = REGISTRY): SimScenario {
  const parsed = parseScenario(DEFAULT_SCENARIO_DOCUMENT, registry);
  // Only reachable if a kind's config schema changed incompatibly; the tests catch it.
  if (!parsed.ok) {
    throw new Error(`the default scenario is invalid: ${formatErrors(parsed.errors).join('; ')}`);
  }
  if (parsed.warnings.length > 0) {
    throw new Error(`the default scenario has warnings: ${parsed.warnings.join('; ')}`);
  }
  return parsed.scenario;
}
