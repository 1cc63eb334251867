import { describe, expect, it } from 'vitest';
import {
  createAppStore,
  FAULT_CATALOG,
  faultSummary,
  validateScenario,
} from '../../store/index.ts';
import { defaultScenario, findBuiltin } from '../../scenario/index.ts';
import { faultWindow, formatSeconds, liveFault, liveFaultId, withParam } from './live-faults.ts';

describe('liveFaultId', () => {
  it('is live-<type>-<target>', () => {
    expect(liveFaultId('crash', 'orders')).toBe('live-crash-orders');
    expect(liveFaultId('edge-latency', 'a-b')).toBe('live-edge-latency-a-b');
  });

  it('stays within 64 characters and distinct for long targets', () => {
    const a = liveFaultId('edge-latency', `${'x'.repeat(60)}-a`);
    const b = liveFaultId('edge-latency', `${'x'.repeat(60)}-b`);
    expect(a.length).toBeLessThanOrEqual(64);
    expect(b.length).toBeLessThanOrEqual(64);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_.:-]+$/);
  });
});

describe('liveFault', () => {
  it('starts at the rounded current time and lasts until switched off', () => {
    expect(liveFault('error-rate', 'orders', 1234.6)).toEqual({
      id: 'live-error-rate-orders',
      target: 'orders',
      type: 'error-rate',
      rate: 0.5,
      startMs: 1235,
      durationMs: null,
    });
    expect(liveFault('latency', 'n', 0)).toMatchObject({
      addMs: 200,
      multiplier: 1,
    });
    expect(liveFault('capacity', 'n', 0)).toMatchObject({
      factor: 0.5,
      workers: null,
    });
    expect(liveFault('traffic-spike', 'c', 0)).toMatchObject({ multiplier: 5 });
    expect(liveFault('legacy-format', 'crm', 0)).toMatchObject({
      id: 'live-legacy-format-crm',
      rate: 0.1,
    });
    expect(liveFault('edge-latency', 'e', 0, { key: 'addMs', value: 150 })).toMatchObject({
      addMs: 150,
    });
    expect(liveFault('partition', 'e', -5)).toEqual({
      id: 'live-partition-e',
      target: 'e',
      type: 'partition',
      startMs: 0,
      durationMs: null,
    });
  });

  it('starts every registered type from its suggested values or defaults', () => {
    expect(liveFault('edge-latency', 'e', 0)).toMatchObject({ addMs: 100 });
    for (const info of FAULT_CATALOG) {
      const fault = liveFault(info.type, 'x', 0);
      for (const key of Object.keys(info.newParams)) expect(fault).toHaveProperty(key);
    }
  });

  it('produces faults the store accepts', () => {
    const s = defaultScenario();
    const app = createAppStore({
      initial: s,
      validate: validateScenario,
      canConnect: () => ({ ok: true }),
    });
    const svc = s.nodes.find((n) => n.kind === 'service');
    const client = s.nodes.find((n) => n.kind === 'client');
    const edge = s.edges[0];
    if (!svc || !client || !edge) throw new Error('unexpected default scenario');
    for (const type of ['error-rate', 'latency', 'crash', 'hang', 'capacity'] as const) {
      expect(app.getState().upsertFault(liveFault(type, svc.id, 1000))).toEqual({
        ok: true,
      });
    }
    expect(app.getState().upsertFault(liveFault('traffic-spike', client.id, 0))).toEqual({
      ok: true,
    });
    for (const type of ['partition', 'edge-latency'] as const) {
      expect(app.getState().upsertFault(liveFault(type, edge.id, 0))).toEqual({
        ok: true,
      });
    }
  });

  it('a legacy-format fault is accepted on a legacy system and refused on a service', () => {
    const built = findBuiltin('anti-corruption-layer')?.build('with');
    if (!built) throw new Error('no anti-corruption-layer built-in');
    const s = { ...built, faults: [] };
    const app = createAppStore({
      initial: s,
      validate: validateScenario,
      canConnect: () => ({ ok: true }),
    });
    const fault = (target: string) => liveFault('legacy-format', target, 0);
    expect(app.getState().upsertFault(fault('legacy-crm'))).toEqual({ ok: true });
    const refused = app.getState().upsertFault(fault('orders'));
    expect(refused.ok).toBe(false);
    expect(refused.ok || refused.errors.join('\n')).toMatch(
      /target: a legacy-format fault only affects nodes of kind "legacy-system", but node "orders" is of kind "domain-service"/,
    );
  });

  it('changes the parameter of a fault that is on', () => {
    const f = liveFault('error-rate', 'n', 0);
    expect(withParam(f, 'rate', 0.2)).toMatchObject({ rate: 0.2, startMs: 0 });
    const legacy = liveFault('legacy-format', 'n', 0);
    expect(withParam(legacy, 'rate', 0.3)).toMatchObject({ type: 'legacy-format', rate: 0.3 });
  });
});

describe('fault wording', () => {
  it('formats windows in seconds', () => {
    expect(formatSeconds(30000)).toBe('30 s');
    expect(formatSeconds(1500)).toBe('1.5 s');
    expect(faultWindow({ startMs: 30000, durationMs: 20000 })).toBe('30 s – 50 s');
    expect(faultWindow({ startMs: 30000, durationMs: null })).toBe('from 30 s');
  });

  it('summarises each fault type', () => {
    const base = { id: 'f', target: 't', startMs: 0, durationMs: null };
    expect(faultSummary({ ...base, type: 'error-rate', rate: 0.25 })).toBe('Error rate 25%');
    expect(faultSummary({ ...base, type: 'latency', addMs: 0, multiplier: 8 })).toBe('Latency ×8');
    expect(faultSummary({ ...base, type: 'latency', addMs: 200, multiplier: 1 })).toBe(
      'Latency +200 ms',
    );
    expect(faultSummary({ ...base, type: 'capacity', factor: 0.5, workers: null })).toBe(
      'Capacity 50%',
    );
    expect(faultSummary({ ...base, type: 'capacity', factor: 0.5, workers: 2 })).toBe(
      'Capacity 2 workers',
    );
    expect(faultSummary({ ...base, type: 'traffic-spike', multiplier: 5 })).toBe(
      'Traffic spike ×5',
    );
    expect(faultSummary({ ...base, type: 'edge-latency', addMs: 100 })).toBe(
      'Network latency +100 ms',
    );
    expect(faultSummary({ ...base, type: 'crash' })).toBe('Crash');
    expect(faultSummary({ ...base, type: 'legacy-format', rate: 0.05 })).toBe(
      'Legacy format 5% undocumented',
    );
  });
});
