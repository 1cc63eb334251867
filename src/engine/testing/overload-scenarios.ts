import type { SimFault, SimScenario } from '../model/scenario-types.ts';
import { buildScenario } from './scenario-builder.ts';

/**
 * The first-visit scenario's shape — Users → Gateway (8 workers, parallel) → Orders (4
 * workers) and Catalog, Orders → Orders DB, 1 ms a hop — with the client and faults a test
 * gives: the inputs that once ran the tab out of memory (a rate of 1e9, a spike of 1e300,
 * 100 000 users with no think time), for the run guard's tests.
 */
export function checkoutWith(
  arrival: Record<string, unknown>,
  options: { timeoutMs?: number; faults?: SimFault[]; durationMs?: number } = {},
): SimScenario {
  const latency = { latency: { type: 'constant' as const, valueMs: 1 } };
  const scenario = buildScenario({
    seed: 42,
    durationMs: options.durationMs ?? 300_000,
    nodes: [
      // A valid client first: its real arrival goes in below, past any bound it may break.
      { id: 'users', kind: 'client', config: { timeoutMs: options.timeoutMs ?? 1000 } },
      {
        id: 'gateway',
        kind: 'service',
        config: {
          workers: 8,
          serviceTime: { type: 'exponential', meanMs: 2 },
          callMode: 'parallel',
        },
      },
      {
        id: 'orders',
        kind: 'service',
        config: { workers: 4, serviceTime: { type: 'lognormal', medianMs: 8, p99Ms: 40 } },
      },
      {
        id: 'catalog',
        kind: 'service',
        config: { workers: 4, serviceTime: { type: 'exponential', meanMs: 6 } },
      },
      { id: 'orders-db', kind: 'database', config: { connections: 8 } },
    ],
    edges: [
      { id: 'users-gateway', source: 'users', target: 'gateway', config: latency },
      { id: 'gateway-orders', source: 'gateway', target: 'orders', config: latency },
      { id: 'gateway-catalog', source: 'gateway', target: 'catalog', config: latency },
      { id: 'orders-orders-db', source: 'orders', target: 'orders-db', config: latency },
    ],
    faults: options.faults ?? [],
  });
  const labels: Record<string, string> = {
    users: 'Users',
    gateway: 'Gateway',
    orders: 'Orders',
    catalog: 'Catalog',
    'orders-db': 'Orders DB',
  };
  for (const n of scenario.nodes) n.label = labels[n.id];
  const users = scenario.nodes[0];
  if (users) users.config = { ...users.config, arrival };
  return scenario;
}

/** A traffic spike on Users from the start, of any multiplier (no bound is checked here). */
export function spikeOf(multiplier: number): SimFault {
  return {
    id: 'spike',
    type: 'traffic-spike',
    target: 'users',
    startMs: 0,
    durationMs: null,
    multiplier,
  };
}
