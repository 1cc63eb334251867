import { describe, expect, it } from 'vitest';
import { circuitBreakerBuiltin } from './builtins/circuit-breaker.ts';
import { toDocument, type ScenarioJson } from './document.ts';
import { REGISTRY } from './registry.ts';
import { formatErrors } from './scenario-error.ts';
import { parseScenario } from './validate.ts';

const WATCH = {
  nodes: ['service'],
  figure: 'arrivals',
  caption: 'Calls reaching the failing service: lower with the breaker.',
  withPattern: 'lower',
} as const;

/** The circuit-breaker built-in as a document, with `watch` (or none) in its meta. */
function doc(watch: unknown): ScenarioJson {
  const d = toDocument(circuitBreakerBuiltin.build('with'));
  const meta: Record<string, unknown> = { ...d.meta };
  delete meta['watch'];
  if (watch !== undefined) meta['watch'] = watch;
  return { ...d, meta } as ScenarioJson;
}

function errors(watch: unknown): string[] {
  const r = parseScenario(doc(watch), REGISTRY);
  return r.ok ? [] : formatErrors(r.errors);
}

describe('meta.watch in the scenario document', () => {
  it('is optional: a version-2 document without it loads unchanged and exports without it', () => {
    const r = parseScenario(doc(undefined), REGISTRY);
    if (!r.ok) throw new Error(formatErrors(r.errors).join('\n'));
    expect(r.scenario.meta.watch).toBeUndefined();
    expect('watch' in toDocument(r.scenario).meta).toBe(false);
  });

  it('survives a round trip through the document', () => {
    const r = parseScenario(doc(WATCH), REGISTRY);
    if (!r.ok) throw new Error(formatErrors(r.errors).join('\n'));
    expect(r.scenario.meta.watch).toEqual(WATCH);
    expect(toDocument(r.scenario).meta.watch).toEqual(WATCH);
    const overRun = parseScenario(doc({ ...WATCH, over: 'run' }), REGISTRY);
    expect(overRun.ok && overRun.scenario.meta.watch?.over).toBe('run');
  });

  it('refuses a node id the document does not have, naming the field', () => {
    expect(errors({ ...WATCH, nodes: ['service', 'nowhere'] })).toEqual([
      'meta.watch.nodes[1]: no node with id "nowhere"',
    ]);
    expect(errors({ ...WATCH, nodes: ['service', 'service'] })).toEqual([
      'meta.watch.nodes[1]: node "service" is watched twice',
    ]);
  });

  it('refuses an unknown figure, and a metric the node kind does not declare', () => {
    expect(errors({ ...WATCH, figure: 'throughput' })[0]).toMatch(
      /^meta\.watch\.figure: unknown figure "throughput"; known figures: goodput, /,
    );
    expect(errors({ ...WATCH, figure: 'metric:instanceMs' })).toEqual([
      'meta.watch.figure: node "service" (kind "service") declares no metric "instanceMs"; its metrics: queued',
    ]);
    expect(errors({ ...WATCH, nodes: ['breaker'], figure: 'metric:rejected' })).toEqual([]);
  });

  it('refuses a bad shape field by field: no nodes, three nodes, no caption, a direction', () => {
    expect(errors({ ...WATCH, nodes: [] })[0]).toMatch(/^meta\.watch\.nodes: /);
    expect(errors({ ...WATCH, nodes: ['a', 'b', 'c'] })[0]).toMatch(/^meta\.watch\.nodes: /);
    expect(errors({ ...WATCH, caption: '' })[0]).toMatch(/^meta\.watch\.caption: /);
    expect(errors({ ...WATCH, withPattern: 'same' })[0]).toMatch(/^meta\.watch\.withPattern: /);
    expect(errors({ ...WATCH, over: 'later' })[0]).toMatch(/^meta\.watch\.over: /);
    expect(errors({ ...WATCH, extra: 1 })[0]).toMatch(/^meta\.watch: /);
  });
});
