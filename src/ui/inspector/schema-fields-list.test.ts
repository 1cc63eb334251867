import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../store/index.ts';
import { itemField, testPath } from './list-items.ts';
import {
  describeField,
  schemaFields,
  singular,
  type FieldDescriptor,
  type ListFieldDescriptor,
} from './schema-fields.ts';

function field(kind: string, name: string): FieldDescriptor {
  const f = schemaFields(configJsonSchema(kind)).find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name} on ${kind}`);
  return f;
}

function asList(f: FieldDescriptor | undefined): ListFieldDescriptor {
  if (f?.type !== 'list') throw new Error(`expected a list field, got ${f?.type}`);
  return f;
}

function fieldsOf(f: FieldDescriptor): FieldDescriptor[] {
  if (f.type !== 'object') throw new Error(`expected an object, got ${f.type}`);
  return f.fields;
}

describe('schemaFields: lists', () => {
  it('describes strangler-fig routes as a list of { prefix, percentToNew } objects', () => {
    const routes = asList(field('strangler-fig', 'routes'));
    expect(routes).toMatchObject({
      path: 'routes',
      label: 'Routes',
      itemNoun: 'route',
      minItems: 0,
      maxItems: 64,
      defaultValue: [],
    });
    expect(routes.item).toMatchObject({ type: 'object', path: 'routes[#]', label: 'Route' });
    const [prefix, percent] = fieldsOf(routes.item);
    expect(prefix).toMatchObject({
      type: 'text',
      path: 'routes[#].prefix',
      required: true,
      minLength: 1,
      pattern: '^\\/',
    });
    expect(percent).toMatchObject({
      type: 'number',
      path: 'routes[#].percentToNew',
      label: 'To new system',
      unit: '%',
      scale: 1,
      hint: '0 – 100',
      defaultValue: 0,
    });
  });

  it('places an item at its index, nested fields included', () => {
    const routes = asList(field('api-gateway', 'routes'));
    const second = itemField(routes, 1);
    expect(second.path).toBe('routes[1]');
    const fields = fieldsOf(second);
    expect(fields.map((f) => [f.path, f.type])).toEqual([
      ['routes[1].prefix', 'text'],
      ['routes[1].targets', 'list'],
      ['routes[1].rateLimitPerSec', 'nullable'],
      ['routes[1].burst', 'nullable'],
      ['routes[1].breaker', 'boolean'],
    ]);
    const targets = asList(fields[1]);
    expect(targets).toMatchObject({ itemNoun: 'target', minItems: 1, maxItems: 16 });
    expect(targets.item).toMatchObject({ type: 'text', path: 'routes[1].targets[#]' });
    expect(itemField(targets, 3).path).toBe('routes[1].targets[3]');
    const rate = fields[2];
    expect(rate).toMatchObject({ noneLabel: 'No rate limit', defaultValue: null });
    if (rate?.type === 'nullable') {
      expect(rate.inner).toMatchObject({ path: 'routes[1].rateLimitPerSec', unit: '/s' });
    }
    // The descriptor itself is untouched: it is shared by every item.
    expect(routes.item.path).toBe('routes[#]');
  });

  it('makes the client routes a nullable list of at least one { path, weight }', () => {
    const routes = field('client', 'routes');
    expect(routes).toMatchObject({ type: 'nullable', noneLabel: 'No routes', defaultValue: null });
    if (routes.type !== 'nullable') return;
    const list = asList(routes.inner);
    expect(list).toMatchObject({ minItems: 1, maxItems: 64, itemNoun: 'route' });
    expect(fieldsOf(itemField(list, 0)).map((f) => [f.path, f.type, f.defaultValue])).toEqual([
      ['routes[0].path', 'text', undefined],
      ['routes[0].weight', 'number', 1],
    ]);
  });

  it('makes fallbackOn a list of names with its default causes', () => {
    const on = asList(field('fallback', 'fallbackOn'));
    expect(on.item.type).toBe('text');
    expect(on.defaultValue).toContain('caller-gone');
    expect(on.itemNoun).toBe('item');
  });

  it('describes enum items (a set of options) and leaves item-less arrays read-only', () => {
    const f = asList(
      describeField('causes', 'causes', { type: 'array', items: { enum: ['a', 'b'] } }),
    );
    expect(f.item).toMatchObject({ type: 'enum', options: [{ value: 'a' }, { value: 'b' }] });
    expect(describeField('tags', 'tags', { type: 'array' }).type).toBe('unsupported');
    expect(
      describeField('xs', 'xs', { type: 'array', items: { oneOf: [{ type: 'string' }] } }).type,
    ).toBe('unsupported');
  });
});

describe('names and test ids', () => {
  it('turns plural names into item nouns', () => {
    expect(singular('routes')).toBe('route');
    expect(singular('entries')).toBe('entry');
    expect(singular('targets')).toBe('target');
    expect(singular('status')).toBe('item');
    expect(singular('fallbackOn')).toBe('item');
  });

  it('writes list indices in test ids as dashes', () => {
    expect(testPath('routes[1].percentToNew')).toBe('routes-1-percentToNew');
    expect(testPath('routes[0].rateLimitPerSec.none')).toBe('routes-0-rateLimitPerSec.none');
    expect(testPath('routes[2]')).toBe('routes-2');
    expect(testPath('serviceTime.meanMs')).toBe('serviceTime.meanMs');
  });
});
