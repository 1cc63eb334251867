import { expect } from 'vitest';
import { createSimulation, type TraceEvent } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';

// Test support shared by the proxies' tests (not a kind): one client, one proxy, one service.

/**
 * Client "c" (constant arrivals) → proxy "p" → service "s", no edge latency. Collects the
 * trace events whose type starts with one of `traces` as `type@ms`.
 */
export function runProxy(opts: {
  proxy: NodeSpec;
  service?: Record<string, unknown>;
  ratePerSec: number;
  durationMs: number;
  timeoutMs?: number;
  noDownstream?: boolean;
  traces?: readonly string[];
}) {
  const events: string[] = [];
  const sim = createSimulation(
    buildScenario(
      {
        seed: 9,
        durationMs: opts.durationMs,
        nodes: [
          {
            id: 'c',
            kind: 'client',
            config: {
              arrival: { type: 'constant', ratePerSec: opts.ratePerSec },
              timeoutMs: opts.timeoutMs ?? null,
            },
          },
          opts.proxy,
          { id: 's', kind: 'service', config: opts.service ?? {} },
        ],
        edges: [
          { source: 'c', target: 'p' },
          ...(opts.noDownstream ? [] : [{ source: 'p', target: 's' }]),
        ],
      },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e: TraceEvent) => {
        if (opts.traces?.some((prefix) => e.type.startsWith(prefix)))
          events.push(`${e.type}@${e.timeUs / 1000}`);
      },
    },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  const label = () => sim.drainFrame().nodes.find((n) => n.id === 'p')?.state;
  return { sim, events, p: sim.nodeDetail('p'), s: sim.nodeDetail('s'), label };
}

export const constantMs = (valueMs: number) => ({ type: 'constant', valueMs });
