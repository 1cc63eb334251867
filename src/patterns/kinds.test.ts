import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILTIN_KINDS, maxOutputs, serviceConfigSchema } from '../engine/index.ts';
import { ONE_DOWNSTREAM } from './kit/index.ts';
import { ALL_KINDS, REGISTRY } from './registry.ts';

// The folder layout is part of the design: one folder per pattern kind, named after it.
const here = fileURLToPath(new URL('.', import.meta.url));
const NOT_KINDS = new Set(['kit', 'testing']);
const folders = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !NOT_KINDS.has(d.name))
  .map((d) => d.name)
  .sort();
const patternKinds = ALL_KINDS.filter((k) => !BUILTIN_KINDS.includes(k));

/** Kinds that only ever call their first outgoing edge. */
const PROXIES = [
  'circuit-breaker',
  'retry',
  'timeout',
  'bulkhead',
  'rate-limiter',
  'fallback',
  'load-shedder',
  'adaptive-throttle',
  'anti-corruption-layer',
  'domain-service',
];

describe('pattern kinds', () => {
  it('one folder per kind, named after its id', () => {
    expect(folders).toEqual(patternKinds.map((k) => k.kind).sort());
  });

  it('proxies declare one downstream; routers any number; the legacy system none', () => {
    for (const kind of PROXIES) expect(REGISTRY.get(kind)?.outputs, kind).toBe(ONE_DOWNSTREAM);
    const many = ['load-balancer', 'api-gateway', 'bff', 'strangler-fig', 'sidecar', 'hedge'];
    for (const kind of [...many, 'autoscaled-service']) {
      expect(maxOutputs(REGISTRY.get(kind) ?? { outputs: [] }), kind).toBeNull();
    }
    expect(REGISTRY.get('legacy-system')?.outputs).toEqual([]);
  });

  it('every cause a kind declares has a class the registry answers', () => {
    for (const k of patternKinds) {
      for (const c of k.causes ?? []) expect(REGISTRY.causeClass(c.cause)).toBe(c.class);
    }
  });

  it('fields say how they are shown: every "none" choice has words, every share is a %', () => {
    type Schema = Record<string, unknown>;
    const problems: string[] = [];
    // Fields a kind takes over from the engine's service are the engine's to describe.
    const engineFields = new Set(Object.keys(serviceConfigSchema.shape));
    const isNull = (s: Schema) => s['type'] === 'null';
    const visit = (path: string, s: Schema) => {
      const anyOf = (s['anyOf'] as Schema[] | undefined) ?? [];
      if (anyOf.some(isNull) && typeof s['noneLabel'] !== 'string')
        problems.push(`${path}: no noneLabel`);
      for (const m of anyOf) visit(path, m);
      const max = (s['maximum'] ?? s['exclusiveMaximum']) as number | undefined;
      const min = (s['minimum'] ?? s['exclusiveMinimum']) as number | undefined;
      if (s['type'] === 'number' && max === 1 && min === 0) {
        if (s['unit'] !== '%' || s['scale'] !== 100)
          problems.push(`${path}: a share not shown as %`);
      }
      const props = (s['properties'] as Record<string, Schema> | undefined) ?? {};
      for (const [name, sub] of Object.entries(props)) {
        if (!engineFields.has(name)) visit(`${path}.${name}`, sub);
      }
      if (s['items']) visit(`${path}[]`, s['items'] as Schema);
    };
    for (const k of patternKinds) visit(k.kind, z.toJSONSchema(k.configSchema, { io: 'input' }));
    expect(problems).toEqual([]);
  });

  it('carries the titles and "none" words the inspector used to keep in its own lists', () => {
    const props = (kind: string) =>
      z.toJSONSchema(REGISTRY.get(kind)?.configSchema ?? z.object({}), { io: 'input' })
        .properties as Record<string, Record<string, unknown>>;
    const strangler = props('strangler-fig');
    expect(strangler['legacyTarget']?.['noneLabel']).toBe('First outgoing edge');
    expect(strangler['newTarget']?.['noneLabel']).toBe('Second outgoing edge');
    const route = (strangler['routes']?.['items'] as { properties: Record<string, object> })
      .properties;
    expect(route['percentToNew']).toMatchObject({ title: 'To new system', unit: '%' });
    const gatewayRoute = (
      props('api-gateway')['routes']?.['items'] as {
        properties: Record<string, object>;
      }
    ).properties;
    expect(gatewayRoute['burst']).toMatchObject({ noneLabel: 'Same as rate' });
  });
});
