import { describe, expect, it } from 'vitest';
import { configJsonSchema, edgeConfigJsonSchema, KIND_CATALOG } from '../../store/index.ts';
import {
  describeField,
  schemaFields,
  type FieldDescriptor,
  type NullableFieldDescriptor,
  type NumberFieldDescriptor,
  type UnionFieldDescriptor,
} from './schema-fields.ts';

function byName(fields: readonly FieldDescriptor[], name: string): FieldDescriptor {
  const f = fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name} in ${fields.map((x) => x.name).join(', ')}`);
  return f;
}

function asNumber(f: FieldDescriptor | undefined): NumberFieldDescriptor {
  if (f?.type !== 'number') throw new Error(`expected a number field, got ${f?.type}`);
  return f;
}

function asUnion(f: FieldDescriptor | undefined): UnionFieldDescriptor {
  if (f?.type !== 'union') throw new Error(`expected a union field, got ${f?.type}`);
  return f;
}

function asNullable(f: FieldDescriptor | undefined): NullableFieldDescriptor {
  if (f?.type !== 'nullable') throw new Error(`expected a nullable field, got ${f?.type}`);
  return f;
}

function variantFields(u: UnionFieldDescriptor, value: string): FieldDescriptor[] {
  const v = u.variants.find((x) => x.value === value);
  if (!v) throw new Error(`no variant ${value}`);
  return v.fields;
}

describe('schemaFields: service', () => {
  const fields = schemaFields(configJsonSchema('service'));

  it('lists the fields in schema order', () => {
    expect(fields.map((f) => [f.name, f.type])).toEqual([
      ['workers', 'number'],
      ['queueCapacity', 'nullable'],
      ['serviceTime', 'union'],
      ['errorRate', 'number'],
      ['callOrder', 'enum'],
      ['callMode', 'enum'],
    ]);
  });

  it('describes workers as a bounded integer without a unit', () => {
    expect(byName(fields, 'workers')).toEqual({
      name: 'workers',
      path: 'workers',
      label: 'Workers',
      required: false,
      defaultValue: 1,
      type: 'number',
      integer: true,
      min: 1,
      exclusiveMin: false,
      max: 10000,
      exclusiveMax: false,
      unit: null,
      scale: 1,
      hint: '1 – 10000',
    });
  });

  it('shows errorRate as a percentage 0–100', () => {
    const f = asNumber(byName(fields, 'errorRate'));
    expect(f).toMatchObject({ label: 'Error rate', unit: '%', scale: 100, integer: false });
    expect(f).toMatchObject({ min: 0, max: 1, hint: '0 – 100', defaultValue: 0 });
  });

  it('makes queueCapacity nullable ("Unbounded") over an integer 0 – 1000000', () => {
    const f = asNullable(byName(fields, 'queueCapacity'));
    expect(f).toMatchObject({
      label: 'Queue capacity',
      noneLabel: 'Unbounded',
      defaultValue: null,
    });
    expect(f.inner).toMatchObject({
      type: 'number',
      path: 'queueCapacity',
      integer: true,
      min: 0,
      max: 1_000_000,
      hint: '0 – 1000000',
    });
    expect('defaultValue' in f.inner).toBe(false);
  });

  it('turns serviceTime into a distribution union with sub-fields in ms', () => {
    const f = asUnion(byName(fields, 'serviceTime'));
    expect(f.label).toBe('Service time');
    expect(f.defaultValue).toEqual({ type: 'exponential', meanMs: 10 });
    expect(f.variants.map((v) => [v.value, v.label])).toEqual([
      ['constant', 'Constant'],
      ['uniform', 'Uniform'],
      ['exponential', 'Exponential'],
      ['lognormal', 'Log-normal'],
    ]);
    const mean = asNumber(variantFields(f, 'exponential')[0]);
    expect(mean).toMatchObject({
      name: 'meanMs',
      path: 'serviceTime.meanMs',
      label: 'Mean',
      unit: 'ms',
      min: 0,
      exclusiveMin: true,
      hint: '> 0',
      required: true,
    });
    expect(variantFields(f, 'lognormal').map((x) => [x.path, x.label])).toEqual([
      ['serviceTime.medianMs', 'Median'],
      ['serviceTime.p99Ms', 'p99'],
    ]);
    expect(variantFields(f, 'uniform').map((x) => asNumber(x).hint)).toEqual(['≥ 0', '≥ 0']);
  });

  it('turns enums into options with humanised labels', () => {
    expect(byName(fields, 'callOrder')).toMatchObject({
      type: 'enum',
      label: 'Call order',
      defaultValue: 'after-work',
      options: [
        { value: 'after-work', label: 'After work' },
        { value: 'before-work', label: 'Before work' },
      ],
    });
  });
});

describe('schemaFields: client', () => {
  const fields = schemaFields(configJsonSchema('client'));

  it('lists arrival, timeout, keys, user ids and routes', () => {
    expect(fields.map((f) => [f.name, f.type])).toEqual([
      ['arrival', 'union'],
      ['timeoutMs', 'nullable'],
      ['keys', 'nullable'],
      ['userCount', 'nullable'],
      ['routes', 'nullable'],
    ]);
  });

  it('describes the arrival variants with rates per second', () => {
    const f = asUnion(byName(fields, 'arrival'));
    expect(f.defaultValue).toEqual({ type: 'poisson', ratePerSec: 50 });
    expect(f.variants.map((v) => v.value)).toEqual([
      'poisson',
      'constant',
      'ramp',
      'burst',
      'users',
    ]);
    expect(asNumber(variantFields(f, 'poisson')[0])).toMatchObject({
      path: 'arrival.ratePerSec',
      label: 'Rate',
      unit: '/s',
      hint: '0 – 100000', // 0 silences the client
    });
    const burst = variantFields(f, 'burst');
    expect(burst.map((x) => [x.name, asNumber(x).unit])).toEqual([
      ['baseRatePerSec', '/s'],
      ['burstRatePerSec', '/s'],
      ['offMs', 'ms'],
      ['onMs', 'ms'],
    ]);
    expect(burst[0]).toMatchObject({ label: 'Base rate', defaultValue: 0, required: false });
    expect(asNumber(variantFields(f, 'users')[0])).toMatchObject({
      name: 'users',
      integer: true,
      unit: null,
      hint: '0 – 100000',
    });
  });

  it('makes timeoutMs nullable ("No timeout") over a positive number of ms', () => {
    const f = asNullable(byName(fields, 'timeoutMs'));
    expect(f).toMatchObject({ label: 'Timeout', noneLabel: 'No timeout', defaultValue: null });
    expect(f.inner).toMatchObject({ type: 'number', unit: 'ms', hint: '> 0', integer: false });
  });

  it('renders keys as a nullable object (fieldset) with nested paths', () => {
    const f = asNullable(byName(fields, 'keys'));
    expect(f.noneLabel).toBe('No keys');
    expect(f.inner.type).toBe('object');
    if (f.inner.type !== 'object') return;
    expect(f.inner.fields.map((x) => [x.path, x.type, x.required])).toEqual([
      ['keys.distribution', 'enum', false],
      ['keys.count', 'number', true],
      ['keys.exponent', 'number', false],
    ]);
    expect(f.inner.fields[2]).toMatchObject({ label: 'Zipf exponent', hint: '> 0, ≤ 5' });
  });
});

describe('schemaFields: database', () => {
  const fields = schemaFields(configJsonSchema('database'));

  it('shows writeRatio as a percentage and both latencies as unions', () => {
    expect(asNumber(byName(fields, 'writeRatio'))).toMatchObject({
      unit: '%',
      scale: 100,
      defaultValue: 0.2,
    });
    expect(asUnion(byName(fields, 'readTime')).defaultValue).toEqual({
      type: 'exponential',
      meanMs: 2,
    });
    expect(asUnion(byName(fields, 'writeTime')).variants[0]?.fields[0]?.path).toBe(
      'writeTime.valueMs',
    );
    expect(asNumber(byName(fields, 'connections'))).toMatchObject({
      integer: true,
      hint: '1 – 10000',
    });
  });
});

describe('schemaFields: edge', () => {
  const fields = schemaFields(edgeConfigJsonSchema());

  it('describes latency, call probability, required, weight, role and message type', () => {
    expect(fields.map((f) => [f.name, f.type])).toEqual([
      ['latency', 'nullable'],
      ['callProbability', 'number'],
      ['required', 'boolean'],
      ['weight', 'number'],
      ['role', 'enum'],
      ['messageType', 'text'],
      ['filterTypes', 'list'],
    ]);
    const latency = asNullable(byName(fields, 'latency'));
    expect(latency.noneLabel).toBe('No network latency');
    expect(asUnion(latency.inner).variants.map((v) => v.value)).toEqual([
      'constant',
      'uniform',
      'exponential',
      'lognormal',
    ]);
    expect(asUnion(latency.inner).variants[0]?.fields[0]?.path).toBe('latency.valueMs');
    expect(byName(fields, 'callProbability')).toMatchObject({
      label: 'Call probability',
      unit: '%',
      scale: 100,
      hint: '0 – 100',
      defaultValue: 1,
    });
    expect(byName(fields, 'required')).toMatchObject({ type: 'boolean', defaultValue: true });
    expect(byName(fields, 'weight')).toMatchObject({
      unit: null,
      hint: '> 0, ≤ 1000000',
      integer: false,
    });
  });
});

describe('describeField edge cases', () => {
  it('handles `type: [X, "null"]` nullables and generic none labels', () => {
    const f = describeField('retries', 'retries', {
      type: ['integer', 'null'],
      minimum: 0,
      default: 3,
    });
    expect(f).toMatchObject({ type: 'nullable', noneLabel: 'No retries', defaultValue: 3 });
    if (f.type === 'nullable') expect(f.inner).toMatchObject({ type: 'number', integer: true });
  });

  it('marks what it cannot edit as unsupported', () => {
    expect(describeField('tags', 'tags', { type: 'array' }).type).toBe('unsupported');
    expect(describeField('x', 'x', { oneOf: [{ type: 'string' }, { type: 'number' }] }).type).toBe(
      'unsupported',
    );
    expect(schemaFields(null)).toEqual([]);
  });

  it('describes strings as text and exclusive maxima', () => {
    expect(describeField('name', 'name', { type: 'string' }).type).toBe('text');
    // MAX_SAFE_INTEGER is zod's "no upper bound" for integers.
    const unbounded = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
    expect(describeField('n', 'n', unbounded)).toMatchObject({ max: null, hint: '≥ 0' });
    expect(describeField('x', 'x', { type: 'number', exclusiveMaximum: 1 })).toMatchObject({
      hint: '< 1',
    });
  });
});

/** Every number field of a descriptor tree, with its path. */
function numbers(fields: readonly FieldDescriptor[]): NumberFieldDescriptor[] {
  return fields.flatMap((f): NumberFieldDescriptor[] => {
    switch (f.type) {
      case 'number':
        return [f];
      case 'nullable':
        return numbers([f.inner]);
      case 'object':
        return numbers(f.fields);
      case 'union':
        return f.variants.flatMap((v) => numbers(v.fields));
      case 'list':
        return numbers([f.item]);
      default:
        return [];
    }
  });
}

describe('every registered kind declares how its fields read', () => {
  const all = KIND_CATALOG.flatMap((k) =>
    numbers(schemaFields(configJsonSchema(k.kind))).map((f) => ({ kind: k.kind, f })),
  );
  it('shows every share (a number within 0–1) as a percentage, from its schema', () => {
    const shares = all.filter(
      ({ f }) => f.min !== null && f.min >= 0 && f.max !== null && f.max <= 1,
    );
    expect(shares.length).toBeGreaterThan(10);
    for (const { kind, f } of shares) {
      expect({ kind, path: f.path, unit: f.unit, scale: f.scale }).toEqual({
        kind,
        path: f.path,
        unit: '%',
        scale: 100,
      });
    }
  });

  it('titles every field in words, never as its raw name', () => {
    for (const { kind, f } of all) expect(f.label, `${kind} ${f.path}`).not.toMatch(/[a-z][A-Z]/);
  });
});
