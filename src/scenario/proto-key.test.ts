import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../patterns/index.ts';
import { encodeBase64url } from './base64url.ts';
import { decodeScenarioLink } from './link-codec.ts';
import type { ScenarioError } from './scenario-error.ts';
import { groupsDoc, at, V2_GROUPS_TEXT } from './test-fixtures.ts';
import { parseScenario, parseScenarioText } from './validate.ts';

// JSON.parse makes "__proto__" an own key, as it does "constructor": both must be refused
// alike. An object literal would set the prototype instead, so every input here is JSON text.

const errorsOf = (r: ReturnType<typeof parseScenario>): ScenarioError[] => (r.ok ? [] : r.errors);

/** A document of one node of `kind` whose config is the JSON text `config`. */
function oneNode(kind: string, config: string): string {
  return `{"format":"faultline-scenario","version":2,"durationMs":1000,"nodes":[{"id":"n","kind":"${kind}","config":${config}}]}`;
}

const linkOf = (text: string) =>
  `s=1.${encodeBase64url(deflateSync(new TextEncoder().encode(text), { level: 9 }))}`;

describe('a "__proto__" key in a node config', () => {
  it('is refused like "constructor", for every kind, naming the field', () => {
    for (const { kind } of REGISTRY.kinds()) {
      const proto = errorsOf(parseScenarioText(oneNode(kind, '{"__proto__":{"x":1}}'), REGISTRY));
      const ctor = errorsOf(parseScenarioText(oneNode(kind, '{"constructor":{"x":1}}'), REGISTRY));
      expect(proto, kind).toContainEqual({
        path: 'nodes[0].config',
        message: expect.stringMatching(/^unknown field "__proto__"; expected one of: /) as string,
      });
      const asCtor = proto.map((e) => ({
        ...e,
        message: e.message.replace('__proto__', 'constructor'),
      }));
      expect(asCtor, kind).toEqual(ctor);
    }
  });

  it('is refused in a document text, in a share link and in a live edit alike', () => {
    const text = V2_GROUPS_TEXT.replace(
      '"config": { "workers": 4,',
      '"config": { "__proto__": { "workers": 99 }, "workers": 4,',
    );
    expect(text).not.toBe(V2_GROUPS_TEXT);
    const refusal = {
      path: 'nodes[1].config',
      message: expect.stringMatching(
        /^unknown field "__proto__"; expected one of: workers, /,
      ) as string,
    };
    expect(errorsOf(parseScenarioText(text, REGISTRY))).toEqual([refusal]);

    const link = decodeScenarioLink(linkOf(text), REGISTRY);
    expect(link.ok ? 'ok' : link.error).toContain('nodes[1].config: unknown field "__proto__"');

    // The store applies an edit as { ...config, ...change }: a spread keeps the own key.
    const doc = groupsDoc();
    const node = at(doc.nodes, 1);
    node['config'] = {
      ...(node['config'] as object),
      ...(JSON.parse('{"__proto__":{"x":1}}') as object),
    };
    expect(errorsOf(parseScenario(doc, REGISTRY))).toEqual([
      { ...refusal, message: expect.stringMatching(/^unknown field "__proto__"/) as string },
    ]);
  });

  it('is refused inside nested config objects and the rest of the document too', () => {
    const nested = V2_GROUPS_TEXT.replace(
      '"serviceTime": { "type": "exponential"',
      '"serviceTime": { "__proto__": {}, "type": "exponential"',
    );
    expect(errorsOf(parseScenarioText(nested, REGISTRY)).map((e) => e.path)).toEqual([
      'nodes[1].config.serviceTime',
    ]);
    const edge = V2_GROUPS_TEXT.replace(
      '"source": "users",',
      '"source": "users", "config": { "__proto__": {} },',
    );
    expect(errorsOf(parseScenarioText(edge, REGISTRY)).map((e) => e.path)).toEqual([
      'edges[0].config',
    ]);
  });

  it('still lets a config object through as it is when it is valid', () => {
    const r = parseScenarioText(V2_GROUPS_TEXT, REGISTRY);
    expect(r.ok && at(r.scenario.nodes, 1).config['workers']).toBe(4);
    expect(errorsOf(parseScenarioText(oneNode('service', '[]'), REGISTRY))).toEqual([
      { path: 'nodes[0].config', message: 'must be an object (got a list of 0)' },
    ]);
  });
});
