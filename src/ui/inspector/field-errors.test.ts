import { describe, expect, it } from 'vitest';
import { createAppStore, validateScenario } from '../../store/index.ts';
import { defaultScenario } from '../../scenario/index.ts';
import { fieldErrorText, parseStoreError } from './field-errors.ts';

describe('parseStoreError', () => {
  it('makes paths relative to the node or edge config', () => {
    expect(parseStoreError('nodes[1].config.workers: must be a number ≥ 1 (got 0)')).toEqual({
      path: 'workers',
      message: 'must be a number ≥ 1 (got 0)',
    });
    expect(parseStoreError('edges[12].config.latency.valueMs: must be ≥ 0')).toEqual({
      path: 'latency.valueMs',
      message: 'must be ≥ 0',
    });
    expect(parseStoreError('nodes[0].label: too long')).toEqual({
      path: 'label',
      message: 'too long',
    });
    expect(parseStoreError('faults[3].durationMs: must be > 0')).toEqual({
      path: 'durationMs',
      message: 'must be > 0',
    });
    expect(parseStoreError('faults[3]: a latency fault must set addMs')).toEqual({
      path: null,
      message: 'a latency fault must set addMs',
    });
  });

  it('keeps messages without a path whole', () => {
    expect(parseStoreError('something went wrong')).toEqual({
      path: null,
      message: 'something went wrong',
    });
  });
});

describe('fieldErrorText', () => {
  it('shows the own field bare and other fields with their path', () => {
    const errors = [
      'nodes[1].config.serviceTime.maxMs: must be ≥ minMs (5) (got 1)',
      'nodes[1].config.serviceTime.minMs: must be a number ≥ 0 (got -1)',
    ];
    expect(fieldErrorText(errors, 'serviceTime.minMs')).toBe(
      'must be a number ≥ 0 (got -1); serviceTime.maxMs: must be ≥ minMs (5) (got 1)',
    );
    expect(fieldErrorText([], 'workers')).toBeNull();
  });

  it('maps the store’s real refusals to the edited field', () => {
    const s = defaultScenario();
    const app = createAppStore({
      initial: s,
      validate: validateScenario,
      canConnect: () => ({ ok: true }),
    });
    const svc = s.nodes.find((n) => n.kind === 'service');
    if (!svc) throw new Error('no service in the default scenario');
    const r = app.getState().updateNodeConfig(svc.id, { workers: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(fieldErrorText(r.errors, 'workers')).toBe('must be a number ≥ 1 (got 0)');
    const r2 = app
      .getState()
      .updateNodeConfig(svc.id, { serviceTime: { type: 'exponential', meanMs: -1 } });
    if (r2.ok) throw new Error('expected a refusal');
    expect(fieldErrorText(r2.errors, 'serviceTime.meanMs')).toBe('must be a number > 0 (got -1)');
  });
});
