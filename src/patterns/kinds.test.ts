import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_KINDS, maxOutputs } from '../engine/index.ts';
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
});
