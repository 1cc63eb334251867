import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import { createSimulation, type SimFault, type TraceEvent } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { autoscaledServiceConfigSchema, autoscaledServiceKind } from './autoscaled-service.ts';

/** Client "c" (constant arrivals) → service "s"; trace events of the autoscaler collected. */
function setup(opts: {
  ratePerSec: number;
  service: NodeSpec;
  durationMs: number;
  faults?: SimFault[];
}) {
  const events: TraceEvent[] = [];
  const sim = createSimulation(
    buildScenario(
      {
        seed: 3,
        durationMs: opts.durationMs,
        nodes: [
          {
            id: 'c',
            kind: 'client',
            config: { arrival: { type: 'constant', ratePerSec: opts.ratePerSec } },
          },
          opts.service,
        ],
        edges: [{ source: 'c', target: 's' }],
        faults: opts.faults ?? [],
      },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e) => {
        if (e.type.startsWith('autoscaler.')) events.push(e);
      },
    },
  );
  const timeline = () => events.map((e) => `${e.type}@${e.timeUs / 1e6}s ${e.detail ?? ''}`);
  const label = () => sim.drainFrame().nodes.find((n) => n.id === 's')?.state;
  return { sim, timeline, label };
}

const constantMs = (valueMs: number) => ({ type: 'constant', valueMs });

describe('autoscaled-service kind', () => {
  it('is registered as a compute kind with a JSON-schema-able config and nested defaults', () => {
    expect(REGISTRY.get('autoscaled-service')).toBe(autoscaledServiceKind);
    expect(autoscaledServiceKind.category).toBe('compute');
    const schema = z.toJSONSchema(autoscaledServiceConfigSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'workersPerInstance',
      'queueCapacity',
      'serviceTime',
      'errorRate',
      'callOrder',
      'callMode',
      'autoscaling',
    ]);
    const parsed = autoscaledServiceConfigSchema.parse({ autoscaling: { maxInstances: 4 } });
    expect(parsed.workersPerInstance).toBe(4);
    expect(parsed.autoscaling).toMatchObject({
      minInstances: 2,
      maxInstances: 4,
      cooldownMs: 60_000,
    });
  });

  // One run of 120 s of virtual time: ≤ 160 ms here.
  it(
    'saturated: scales up at each evaluation by the shortfall, instances serve after the provisioning delay',
    budget(1, 200),
    () => {
      // 30 req/s × 100 ms = 3 busy workers' worth of work, on 1-worker instances.
      const { sim, timeline, label } = setup({
        ratePerSec: 30,
        durationMs: 120_000,
        service: {
          id: 's',
          kind: 'autoscaled-service',
          config: {
            workersPerInstance: 1,
            serviceTime: constantMs(100),
            autoscaling: { minInstances: 1, maxInstances: 4, provisioningDelayMs: 5000 },
          },
        },
      });
      sim.advanceTo(12_000);
      expect(label()).toEqual({ text: '1 instance (+1 starting)', tone: 'warn' });
      sim.runToEnd();
      // Interval 10–20 s averaged 1.5 instances at 100% → ceil(1.5 / 0.7) = 3; and so on.
      expect(timeline()).toEqual([
        'autoscaler.scale-up@10s +1 → 2 (utilization 100%)',
        'autoscaler.ready@15s +1 → 2 serving',
        'autoscaler.scale-up@20s +1 → 3 (utilization 100%)',
        'autoscaler.ready@25s +1 → 3 serving',
        'autoscaler.scale-up@30s +1 → 4 (utilization 100%)',
        'autoscaler.ready@35s +1 → 4 serving',
      ]);
      const s = sim.nodeDetail('s');
      expect(s.metrics).toMatchObject({
        instances: 4,
        maxInstances: 4,
        scaleUps: 3,
        instancesAdded: 3,
      });
      expect(s.metrics['scaleDowns'] ?? 0).toBe(0);
      expect(s.capacity).toBe(4);
      // 4 instances for 3 workers' worth of work: 75% > target, yet at max.
      expect(label()).toEqual({ text: '4 instances (max)', tone: 'bad' });
      const report = autoscaledServiceKind.report?.({
        arrivals: s.arrivals,
        completed: s.ok,
        failed: s.failed,
        metrics: s.metrics,
        elapsedMs: 120_000,
      });
      // Instance-time is counted up to the last event at the node (119.9 s).
      expect(report?.['meanInstances']).toBeCloseTo((15 + 2 * 10 + 3 * 10 + 4 * 84.9) / 120, 2);
      expect(sim.conservation().ok).toBe(true);
    },
  );

  it('idle: removes instances down to ceil(load ÷ target) after the cooldown, never below min', () => {
    // 1 req/s × 1 s = one busy worker of the 6 that min 6 starts with; min then lowered to 1.
    const { sim, timeline, label } = setup({
      ratePerSec: 1,
      durationMs: 100_000,
      service: {
        id: 's',
        kind: 'autoscaled-service',
        config: {
          workersPerInstance: 1,
          serviceTime: constantMs(1000),
          autoscaling: { minInstances: 6, maxInstances: 8 },
        },
      },
    });
    sim.advanceTo(5_000);
    const cfg = sim.snapshot().nodes.find((n) => n.id === 's')?.config as Record<string, unknown>;
    const autoscaling = { ...(cfg['autoscaling'] as object), minInstances: 1 };
    expect(sim.patch({ type: 'node-config', nodeId: 's', config: { autoscaling } })).toEqual({
      ok: true,
    });
    sim.runToEnd();
    // 1/6 utilization → ceil(6 × 0.167 / 0.7) = 2 at the first evaluation (no earlier action);
    // then 1/2 is in the band: it stays at 2.
    expect(timeline()).toEqual(['autoscaler.scale-down@10s −4 → 2 (utilization 17%)']);
    expect(label()).toEqual({ text: '2 instances', tone: 'ok' });
    expect(sim.nodeDetail('s').metrics).toMatchObject({
      instances: 2,
      maxInstances: 6,
      scaleDowns: 1,
    });
  });

  it('scaling down never kills running calls: they finish (drain), queued ones wait for a free worker', () => {
    // Calls of 5 s arrive every second on 4 one-worker instances; at 3.5 s max drops to 1.
    const { sim } = setup({
      ratePerSec: 1,
      durationMs: 15_000,
      service: {
        id: 's',
        kind: 'autoscaled-service',
        config: {
          workersPerInstance: 1,
          serviceTime: constantMs(5000),
          autoscaling: { minInstances: 4, maxInstances: 4 },
        },
      },
    });
    sim.advanceTo(3_500);
    expect(sim.nodeDetail('s').busy).toBe(4);
    sim.patch({
      type: 'node-config',
      nodeId: 's',
      config: {
        autoscaling: {
          ...autoscaledServiceConfigSchema.parse({}).autoscaling,
          minInstances: 1,
          maxInstances: 1,
        },
      },
    });
    const s = sim.nodeDetail('s');
    expect([s.busy, s.capacity]).toEqual([4, 1]); // four running on one instance's worth
    sim.advanceTo(8_000);
    // The four running calls completed on time (5, 6, 7, 8 s); none failed.
    expect(sim.nodeDetail('s')).toMatchObject({ ok: 4, failed: {} });
    sim.runToEnd();
    // The call that arrived at 4 s waited until the last of them ended at 8 s: done at 13 s.
    expect(sim.nodeDetail('s')).toMatchObject({ ok: 5, failed: {}, busy: 1, capacity: 1 });
    expect(sim.nodeDetail('s').latencyMs.max).toBeCloseTo(9000, -1);
    expect(sim.nodeDetail('s').metrics['instances']).toBe(1);
  });

  it('with min = max it is a plain service: the same service-time stream, the same latencies', () => {
    const fixed = (service: NodeSpec) => {
      const { sim } = setup({ ratePerSec: 50, durationMs: 20_000, service });
      sim.runToEnd();
      return sim.nodeDetail('s').latencyMs;
    };
    const serviceTime = { type: 'exponential', meanMs: 100 };
    const autoscaled = fixed({
      id: 's',
      kind: 'autoscaled-service',
      config: {
        workersPerInstance: 4,
        serviceTime,
        autoscaling: { minInstances: 2, maxInstances: 2 },
      },
    });
    const plain = fixed({ id: 's', kind: 'service', config: { workers: 8, serviceTime } });
    expect(autoscaled).toEqual(plain);
  });

  it('a capacity fault shrinks every instance; utilization stays honest and it scales on it', () => {
    const { sim, timeline } = setup({
      ratePerSec: 10,
      durationMs: 30_000,
      service: {
        id: 's',
        kind: 'autoscaled-service',
        config: {
          workersPerInstance: 2,
          serviceTime: constantMs(100),
          autoscaling: { minInstances: 1, maxInstances: 3 },
        },
      },
      faults: [
        {
          id: 'half',
          type: 'capacity',
          target: 's',
          startMs: 0,
          durationMs: null,
          factor: 0.5,
          workers: null,
        },
      ],
    });
    sim.runToEnd();
    // 1 busy worker of 1 (half of 2): 100% → 2 instances.
    expect(timeline()[0]).toBe('autoscaler.scale-up@10s +1 → 2 (utilization 100%)');
  });

  it('no capacity at all (a capacity fault of 0) measures nothing: no scaling decision', () => {
    const { sim, timeline } = setup({
      ratePerSec: 10,
      durationMs: 30_000,
      service: {
        id: 's',
        kind: 'autoscaled-service',
        config: { autoscaling: { minInstances: 3, maxInstances: 6 } },
      },
      faults: [
        {
          id: 'zero',
          type: 'capacity',
          target: 's',
          startMs: 0,
          durationMs: null,
          factor: 0,
          workers: null,
        },
      ],
    });
    sim.runToEnd();
    expect(timeline()).toEqual([]);
    expect(sim.nodeDetail('s').metrics['instances']).toBe(3);
  });
});

describe('autoscaled-service under the run budget', () => {
  it('the guard names its pool at the most it can scale to', () => {
    const sim = createSimulation(
      buildScenario(
        {
          durationMs: 60_000,
          nodes: [
            { id: 'c', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 500 } } },
            {
              id: 's',
              kind: 'autoscaled-service',
              config: { autoscaling: { minInstances: 1, maxInstances: 2 } },
            },
          ],
          edges: [{ source: 'c', target: 's' }],
        },
        REGISTRY,
      ),
      { registry: REGISTRY, budget: { maxQueuedAtNode: 100 } },
    );
    expect(() => sim.runToEnd()).toThrow(
      /^Stopped at [\d.]+ ms: 101 calls are queued at s \(up to 2 instances of 4 workers, no queue limit\) — the client c sends 500 req\/s\. Lower the rate or add a queue limit\.$/,
    );
  });
});
