import { compileDistribution } from './kernel/distributions.ts';
import { createStream } from './kernel/rng.ts';
import { EdgeStats, NodeStats, type SeriesOptions } from './metrics/node-stats.ts';
import { noEdgeFaults } from './model/fault-state.ts';
import type { SimulationCore } from './simulation.ts';

/** Indexes the scenario's nodes and edges into the core's arrays (runs once, at construction). */
export function buildGraph(core: SimulationCore, seriesOptions: SeriesOptions): void {
  core.scenario.nodes.forEach((n, i) => {
    const def = core.registry.get(n.kind);
    if (!def) throw new Error(`nodes[${i}].kind: unknown kind "${n.kind}"`);
    core.nodeIndex.set(n.id, i);
    core.ids.push(n.id);
    core.defs.push(def);
    core.isSource.push(def.isSource === true);
    core.stats.push(new NodeStats(seriesOptions));
    core.out.push([]);
    core.streams.push(new Map());
    core.nodes.push({
      index: i,
      id: n.id,
      kind: n.kind,
      config: n.config,
      state: undefined,
      derived: undefined,
    });
  });
  core.scenario.edges.forEach((e, i) => {
    const source = core.nodeIndex.get(e.source);
    const target = core.nodeIndex.get(e.target);
    if (source === undefined || target === undefined) {
      throw new Error(`edges[${i}]: dangling edge ${e.source} → ${e.target}`);
    }
    core.edgeIndex.set(e.id, i);
    core.edges.push({
      id: e.id,
      source,
      target,
      config: e.config,
      latency: e.config.latency ? compileDistribution(e.config.latency) : null,
      rng: createStream(core.seed, e.id, 'latency'),
      faults: noEdgeFaults(),
      stats: new EdgeStats(),
    });
    (core.out[source] as number[]).push(i);
  });
}
