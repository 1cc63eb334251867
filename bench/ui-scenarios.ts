// Scenarios of the UI benchmark: layered topologies of 20/100/300 nodes and the M/M/1 queue.
// They are built as documents and go through the same validator as a share link.
import type { SimScenario } from '../src/engine/index.ts';
import { parseScenario, REGISTRY, type ScenarioDocumentInput } from '../src/scenario/index.ts';

type NodeInput = ScenarioDocumentInput['nodes'][number];
type EdgeInput = NonNullable<ScenarioDocumentInput['edges']>[number];

/** Total arrival rate of every layered scenario, split evenly between its clients. */
export const LAYERED_RATE_PER_SEC = 1000;
/** Long enough that no measured run reaches the end (60 s at 20× is 1200 s). */
export const LAYERED_DURATION_MS = 3_600_000;
/** Each gateway calls on average this many services; each service calls one database. */
const SERVICE_CALLS_PER_REQUEST = 2;
const SEED = 20240601;
/** Grid pitch: wider than a node card so nothing overlaps. */
const CELL = { x: 260, y: 170 } as const;

export interface LayerCounts {
  clients: number;
  gateways: number;
  services: number;
  databases: number;
}

/** 5 % clients, 10 % gateways, 25 % databases (at least 2 each), the rest services. */
export function layerCounts(totalNodes: number): LayerCounts {
  const clients = Math.max(2, Math.round(totalNodes * 0.05));
  const gateways = Math.max(2, Math.round(totalNodes * 0.1));
  const databases = Math.max(2, Math.round(totalNodes * 0.25));
  const services = totalNodes - clients - gateways - databases;
  if (services < gateways) throw new Error(`${totalNodes} nodes are too few for the layering`);
  return { clients, gateways, services, databases };
}

function parsed(doc: ScenarioDocumentInput): SimScenario {
  const result = parseScenario(doc, REGISTRY);
  if (!result.ok) {
    const first = result.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`);
    throw new Error(`bench scenario "${doc.meta?.title ?? ''}" is invalid: ${first.join('; ')}`);
  }
  return result.scenario;
}

/**
 * clients → gateways → services → databases. Every gateway owns the services whose index is
 * congruent to its own and calls each with the probability that makes ~2 calls per request
 * (in parallel); every service calls one database. Each layer is a block of columns on a grid
 * about 1.6 times wider than tall, so fitView shows the whole graph.
 */
export function layeredScenario(totalNodes: number): SimScenario {
  const counts = layerCounts(totalNodes);
  const rows = Math.max(2, Math.ceil(Math.sqrt(totalNodes / 1.6)));
  const ids = {
    clients: Array.from({ length: counts.clients }, (_, i) => `client-${i + 1}`),
    gateways: Array.from({ length: counts.gateways }, (_, i) => `gateway-${i + 1}`),
    services: Array.from({ length: counts.services }, (_, i) => `service-${i + 1}`),
    databases: Array.from({ length: counts.databases }, (_, i) => `db-${i + 1}`),
  };
  const nodes: NodeInput[] = [];
  let column = 0;
  const place = (layer: string[], kind: string, config: Record<string, unknown>) => {
    layer.forEach((id, i) => {
      const position = { x: (column + Math.floor(i / rows)) * CELL.x, y: (i % rows) * CELL.y };
      nodes.push({ id, kind, label: id, position, config });
    });
    column += Math.ceil(layer.length / rows);
  };
  const ratePerSec = LAYERED_RATE_PER_SEC / counts.clients;
  place(ids.clients, 'client', { arrival: { type: 'poisson', ratePerSec } });
  place(ids.gateways, 'service', {
    workers: 32,
    serviceTime: { type: 'exponential', meanMs: 1 },
    callMode: 'parallel',
  });
  place(ids.services, 'service', { workers: 8, serviceTime: { type: 'exponential', meanMs: 2 } });
  place(ids.databases, 'database', {});

  const edges: EdgeInput[] = [];
  const edge = (source: string, target: string, config: EdgeInput['config'] = {}) =>
    edges.push({ id: `e${edges.length + 1}`, source, target, config });
  ids.gateways.forEach((g, j) => edge(ids.clients[j % counts.clients] as string, g));
  const owned = ids.gateways.map((_, j) =>
    ids.services.filter((_, k) => k % counts.gateways === j),
  );
  owned.forEach((services, j) => {
    const callProbability = Math.min(1, SERVICE_CALLS_PER_REQUEST / services.length);
    for (const s of services) edge(ids.gateways[j] as string, s, { callProbability });
  });
  ids.services.forEach((s, k) => edge(s, ids.databases[k % counts.databases] as string));

  return parsed({
    format: 'faultline-scenario',
    version: 1,
    meta: {
      title: `UI bench: ${totalNodes} nodes`,
      description: `${counts.clients} clients (${LAYERED_RATE_PER_SEC} req/s in all) → ${counts.gateways} gateways → ${counts.services} services → ${counts.databases} databases`,
      patterns: [],
    },
    seed: SEED,
    durationMs: LAYERED_DURATION_MS,
    nodes,
    edges,
    faults: [],
  });
}

/** Client Poisson 80 req/s → one service, 1 worker, exponential 10 ms (examples/mm1.json). */
export const MM1_DOCUMENT: ScenarioDocumentInput = {
  format: 'faultline-scenario',
  version: 1,
  meta: { title: 'UI bench: M/M/1', description: 'λ = 80/s, μ = 100/s', patterns: [] },
  seed: 42,
  durationMs: 2_000_000,
  nodes: [
    {
      id: 'users',
      kind: 'client',
      position: { x: 0, y: 0 },
      config: { arrival: { type: 'poisson', ratePerSec: 80 }, timeoutMs: null },
    },
    {
      id: 'server',
      kind: 'service',
      position: { x: 300, y: 0 },
      config: { workers: 1, serviceTime: { type: 'exponential', meanMs: 10 } },
    },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'server' }],
  faults: [],
};

export function mm1Scenario(): SimScenario {
  return parsed(MM1_DOCUMENT);
}
