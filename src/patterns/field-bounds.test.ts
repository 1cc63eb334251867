import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { edgeConfigSchema } from '../engine/index.ts';
import { REGISTRY } from './registry.ts';

type Json = Record<string, unknown>;

interface NumberField {
  /** Where it is: `client: arrival(poisson).ratePerSec`, `fault traffic-spike: multiplier`. */
  where: string;
  name: string;
  max: number;
}

/** Every number in a JSON Schema (as zod writes it), by its path, with its upper bound. */
function numberFields(schema: Json, where: string, defs: Json, out: NumberField[]): void {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    numberFields(defs[ref.split('/').pop() ?? ''] as Json, where, defs, out);
    return;
  }
  if (schema['type'] === 'number' || schema['type'] === 'integer') {
    const max = schema['maximum'] ?? schema['exclusiveMaximum'];
    out.push({
      where,
      name: where.split(/[.:]\s?/).pop() ?? where,
      max: typeof max === 'number' ? max : Infinity,
    });
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const variant of (schema[key] as Json[] | undefined) ?? []) {
      const type = ((variant['properties'] as Json | undefined)?.['type'] as Json | undefined)?.[
        'const'
      ];
      numberFields(variant, typeof type === 'string' ? `${where}(${type})` : where, defs, out);
    }
  }
  for (const [key, value] of Object.entries((schema['properties'] as Json | undefined) ?? {})) {
    numberFields(value as Json, `${where}.${key}`, defs, out);
  }
  if (schema['items']) numberFields(schema['items'] as Json, `${where}[]`, defs, out);
}

function fieldsOf(schema: z.ZodType, where: string): NumberField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const out: NumberField[] = [];
  numberFields(json, where, (json['$defs'] as Json | undefined) ?? {}, out);
  return out.map((f) => ({ ...f, where: f.where.replace(/^([^.]*)\./, '$1: ') }));
}

// Every number a document or a live edit can set: each kind's config, each fault type's
// parameters, an edge's config — found by walking the registries, never listed by hand.
const FIELDS = [
  ...REGISTRY.kinds().flatMap((k) => fieldsOf(k.configSchema, k.kind)),
  ...REGISTRY.faultTypes().flatMap((f) => fieldsOf(f.params, `fault ${f.type}`)),
  ...fieldsOf(edgeConfigSchema, 'edge'),
];

/**
 * Durations (`…Ms`, in milliseconds) only stretch virtual time: a larger one means fewer
 * events, never more work or memory, so they may be as long as a number goes. Everything
 * else — rates, counts, multipliers, weights, shares — can multiply the work of a run.
 */
const isDuration = (f: NumberField) => f.name.endsWith('Ms');

describe('field bounds', () => {
  it('finds the fields that make work (the walk sees them all)', () => {
    const names = FIELDS.map((f) => f.where);
    for (const where of [
      'client: arrival(poisson).ratePerSec',
      'client: arrival(burst).burstRatePerSec',
      'client: arrival(users).users',
      'service: queueCapacity',
      'fault traffic-spike: multiplier',
      'fault latency: multiplier',
      'edge: weight',
    ]) {
      expect(names).toContain(where);
    }
    expect(FIELDS.length).toBeGreaterThan(100);
  });

  it.each(FIELDS.filter((f) => !isDuration(f)).map((f) => [f.where, f.max] as const))(
    'every rate, count and multiplier has an upper bound: %s',
    (_where, max) => {
      // zod writes an integer without a bound as ≤ MAX_SAFE_INTEGER: that is no bound.
      expect(max).toBeLessThan(Number.MAX_SAFE_INTEGER);
    },
  );
});
