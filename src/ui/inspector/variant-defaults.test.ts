import { describe, expect, it } from 'vitest';
import { configJsonSchema, edgeConfigJsonSchema } from '../../store/index.ts';
import { schemaFields, type FieldDescriptor, type UnionFieldDescriptor } from './schema-fields.ts';
import {
  arrivalRate,
  distributionMean,
  initialInnerValue,
  initialValue,
  nice,
  switchVariant,
} from './variant-defaults.ts';

function field(kind: string | null, name: string): FieldDescriptor {
  const fields = schemaFields(kind === null ? edgeConfigJsonSchema() : configJsonSchema(kind));
  const f = fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

function union(kind: string | null, name: string): UnionFieldDescriptor {
  let f = field(kind, name);
  if (f.type === 'nullable') f = f.inner;
  if (f.type !== 'union') throw new Error(`${name} is not a union`);
  return f;
}

describe('distributionMean', () => {
  it('knows every distribution', () => {
    expect(distributionMean({ type: 'constant', valueMs: 4 })).toBe(4);
    expect(distributionMean({ type: 'uniform', minMs: 2, maxMs: 6 })).toBe(4);
    expect(distributionMean({ type: 'exponential', meanMs: 10 })).toBe(10);
    // Log-normal: mean = median · e^(σ²/2) with σ = ln(p99/median) / z99.
    expect(distributionMean({ type: 'lognormal', medianMs: 8, p99Ms: 40 })).toBeCloseTo(10.161, 2);
    expect(distributionMean({ type: 'lognormal', medianMs: 8, p99Ms: 8 })).toBe(8);
    expect(distributionMean(null)).toBeNull();
    expect(distributionMean({ type: 'weird' })).toBeNull();
  });
});

describe('arrivalRate', () => {
  it('knows every arrival process', () => {
    expect(arrivalRate({ type: 'poisson', ratePerSec: 60 })).toBe(60);
    expect(arrivalRate({ type: 'constant', ratePerSec: 20 })).toBe(20);
    expect(arrivalRate({ type: 'ramp', fromPerSec: 0, toPerSec: 100, rampMs: 1000 })).toBe(100);
    expect(
      arrivalRate({
        type: 'burst',
        baseRatePerSec: 10,
        burstRatePerSec: 90,
        onMs: 1000,
        offMs: 3000,
      }),
    ).toBe(30);
    expect(arrivalRate({ type: 'users', users: 40, thinkTimeMs: 2000 })).toBe(20);
    expect(arrivalRate('x')).toBeNull();
  });
});

describe('switchVariant: distributions keep their mean', () => {
  const serviceTime = union('service', 'serviceTime');
  const current = { type: 'exponential', meanMs: 12 };

  it('fills each variant from the current mean', () => {
    expect(switchVariant(serviceTime, current, 'constant')).toEqual({
      type: 'constant',
      valueMs: 12,
    });
    expect(switchVariant(serviceTime, current, 'uniform')).toEqual({
      type: 'uniform',
      minMs: 0,
      maxMs: 24,
    });
    expect(switchVariant(serviceTime, current, 'lognormal')).toEqual({
      type: 'lognormal',
      medianMs: 12,
      p99Ms: 60,
    });
    expect(switchVariant(serviceTime, { type: 'constant', valueMs: 5 }, 'exponential')).toEqual({
      type: 'exponential',
      meanMs: 5,
    });
  });

  it('uses the true mean of a log-normal, rounded to 3 significant digits', () => {
    expect(
      switchVariant(serviceTime, { type: 'lognormal', medianMs: 8, p99Ms: 40 }, 'exponential'),
    ).toEqual({ type: 'exponential', meanMs: 10.2 });
  });

  it('keeps the value when the variant does not change', () => {
    expect(switchVariant(serviceTime, current, 'exponential')).toBe(current);
  });

  it('falls back to a 10 ms mean without a usable current value', () => {
    expect(switchVariant(serviceTime, undefined, 'exponential')).toEqual({
      type: 'exponential',
      meanMs: 10,
    });
    expect(switchVariant(serviceTime, { type: 'constant', valueMs: 0 }, 'lognormal')).toEqual({
      type: 'lognormal',
      medianMs: 10,
      p99Ms: 50,
    });
  });
});

describe('switchVariant: arrivals keep their rate', () => {
  const arrival = union('client', 'arrival');
  const current = { type: 'poisson', ratePerSec: 60 };

  it('fills each variant from the current rate, schema defaults first', () => {
    expect(switchVariant(arrival, current, 'constant')).toEqual({
      type: 'constant',
      ratePerSec: 60,
    });
    expect(switchVariant(arrival, current, 'ramp')).toEqual({
      type: 'ramp',
      fromPerSec: 60,
      toPerSec: 120,
      rampMs: 30000,
    });
    // baseRatePerSec has a schema default (0); the burst keeps the average at 60/s.
    expect(switchVariant(arrival, current, 'burst')).toEqual({
      type: 'burst',
      baseRatePerSec: 0,
      burstRatePerSec: 240,
      offMs: 15000,
      onMs: 5000,
    });
    expect(switchVariant(arrival, current, 'users')).toEqual({
      type: 'users',
      users: 60,
      thinkTimeMs: 1000,
    });
    expect(
      switchVariant(arrival, { type: 'users', users: 30, thinkTimeMs: 500 }, 'poisson'),
    ).toEqual({
      type: 'poisson',
      ratePerSec: 60,
    });
  });

  it('keeps derived integers inside their bounds', () => {
    // The highest rate a client may have: 100 000 users at most, bursts no faster than it.
    const huge = { type: 'poisson', ratePerSec: 100_000 };
    expect(switchVariant(arrival, huge, 'users')).toMatchObject({ users: 100000 });
    expect(switchVariant(arrival, huge, 'burst')).toMatchObject({ burstRatePerSec: 100_000 });
    const tiny = { type: 'poisson', ratePerSec: 0.2 };
    expect(switchVariant(arrival, tiny, 'users')).toMatchObject({ users: 1 });
    // A silenced client stays silent whatever form it takes.
    const silent = { type: 'poisson', ratePerSec: 0 };
    expect(switchVariant(arrival, silent, 'users')).toMatchObject({ users: 0 });
    expect(switchVariant(arrival, silent, 'constant')).toEqual({ type: 'constant', ratePerSec: 0 });
    expect(switchVariant(arrival, silent, 'burst')).toMatchObject({ burstRatePerSec: 0 });
  });
});

describe('initialValue', () => {
  it('prefers the schema default', () => {
    expect(initialValue(field('service', 'workers'))).toBe(1);
    expect(initialValue(field('service', 'serviceTime'))).toEqual({
      type: 'exponential',
      meanMs: 10,
    });
    expect(initialValue(field(null, 'required'))).toBe(true);
  });

  it('fills nullable fields sensibly when their "none" box is cleared', () => {
    expect(initialInnerValue(field('client', 'timeoutMs'))).toBe(1000);
    expect(initialInnerValue(field('service', 'queueCapacity'))).toBe(100);
    expect(initialInnerValue(field('client', 'userCount'))).toBe(1000);
    expect(initialInnerValue(field('client', 'keys'))).toEqual({
      distribution: 'uniform',
      count: 1000,
      exponent: 1,
    });
    expect(initialInnerValue(field(null, 'latency'))).toEqual({ type: 'constant', valueMs: 1 });
  });

  it('keeps the nullable default itself for the field as a whole', () => {
    expect(initialValue(field('client', 'timeoutMs'))).toBeNull();
  });
});

describe('nice', () => {
  it('rounds to three significant digits', () => {
    expect(nice(10.16123)).toBe(10.2);
    expect(nice(1234.5)).toBe(1230);
    expect(nice(0)).toBe(0);
  });
});
