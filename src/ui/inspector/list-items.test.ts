import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../store/index.ts';
import {
  itemLabel,
  itemSummary,
  listLevelErrors,
  moveItem,
  pairedFields,
  parseStringList,
  formatStringList,
  removeItem,
  replaceItem,
  toggleOption,
} from './list-items.ts';
import { pendingErrorText } from './pending-errors.ts';
import { schemaFields, type FieldDescriptor, type ListFieldDescriptor } from './schema-fields.ts';
import { initialValue, newListItem, patternStart, uniqueText } from './variant-defaults.ts';

function list(kind: string, name: string): ListFieldDescriptor {
  const f: FieldDescriptor | undefined = schemaFields(configJsonSchema(kind)).find(
    (x) => x.name === name,
  );
  const inner = f?.type === 'nullable' ? f.inner : f;
  if (inner?.type !== 'list') throw new Error(`${kind}.${name} is not a list`);
  return inner;
}

describe('array edits', () => {
  const xs = ['a', 'b', 'c'];

  it('replaces, removes and moves without touching the input', () => {
    expect(replaceItem(xs, 1, 'B')).toEqual(['a', 'B', 'c']);
    expect(removeItem(xs, 0)).toEqual(['b', 'c']);
    expect(moveItem(xs, 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(xs, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(xs, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(xs, 5, 1)).toEqual(['a', 'b', 'c']);
    expect(xs).toEqual(['a', 'b', 'c']);
  });

  it('parses comma- or line-separated names, dropping blanks', () => {
    expect(parseStringList(' error, timeout ,,\nno-route ')).toEqual([
      'error',
      'timeout',
      'no-route',
    ]);
    expect(parseStringList('   ')).toEqual([]);
    expect(formatStringList(['a', 'b'])).toBe('a, b');
  });

  it('keeps a set of enum values in schema order, unknown values last', () => {
    const options = ['a', 'b', 'c'];
    expect(toggleOption(options, ['c'], 'a', true)).toEqual(['a', 'c']);
    expect(toggleOption(options, ['a', 'c', 'zz'], 'a', false)).toEqual(['c', 'zz']);
  });
});

describe('item names', () => {
  const routes = list('strangler-fig', 'routes');

  it('counts from one and summarises an item by its first text', () => {
    expect(itemLabel(routes, 1)).toBe('Route 2');
    expect(itemSummary(routes, { prefix: '/orders', percentToNew: 50 })).toBe('/orders');
    expect(itemSummary(routes, { prefix: '', percentToNew: 50 })).toBe('');
    expect(itemSummary(routes, 'nonsense')).toBe('');
  });
});

describe('new items', () => {
  it('builds a strangler route from the defaults and a unique prefix', () => {
    const routes = list('strangler-fig', 'routes');
    expect(newListItem(routes, [])).toEqual({
      prefix: '/new',
      percentToNew: 0,
      rollbackAtMs: null,
    });
    expect(
      newListItem(routes, [
        { prefix: '/new', percentToNew: 10 },
        { prefix: '/new-2', percentToNew: 0 },
      ]),
    ).toEqual({ prefix: '/new-3', percentToNew: 0, rollbackAtMs: null });
  });

  it("gives a gateway route the previous route's targets, or none to start from", () => {
    const routes = list('api-gateway', 'routes');
    const previous = { prefix: '/orders', targets: ['orders'], breaker: true };
    expect(newListItem(routes, [previous])).toEqual({
      prefix: '/new',
      targets: ['orders'],
      rateLimitPerSec: null,
      burst: null,
      breaker: false,
    });
    expect(newListItem(routes, [])).toMatchObject({ prefix: '/new', targets: [] });
  });

  it('fills a client with one route when "No routes" is cleared', () => {
    expect(initialValue(list('client', 'routes'))).toEqual([{ path: '/new', weight: 1 }]);
  });

  it('derives text from a pattern and keeps it unique', () => {
    expect(patternStart('^\\/')).toBe('/');
    expect(patternStart('^api-[a-z]+')).toBe('api-');
    expect(patternStart('[a-z]')).toBe('');
    expect(uniqueText('/x', ['/x', '/x-2'])).toBe('/x-3');
    expect(uniqueText('', [''])).toBe('');
  });
});

describe('messages of a refused list edit', () => {
  const errors = [
    'nodes[3].config.routes[0].targets: must have at least 1 items (got 0)',
    'nodes[3].config.routes[1]: unrecognized key "x"',
    'nodes[3].config.routes: must have at most 64 items',
    'nodes[3].config.fallbackOn[2]: must not be empty',
  ];

  it('leaves item fields their own messages and shows the rest at the list', () => {
    expect(listLevelErrors(errors, 'routes')).toEqual([
      'routes[1]: unrecognized key "x"',
      'must have at most 64 items',
      'fallbackOn[2]: must not be empty',
    ]);
  });

  it('finds the message of one field, or of a list of names by element', () => {
    expect(pendingErrorText(errors, 'routes[0].targets')).toBe(
      'must have at least 1 items (got 0)',
    );
    expect(pendingErrorText(errors, 'routes[0].prefix')).toBeNull();
    expect(pendingErrorText(errors, 'fallbackOn', true)).toBe('[2]: must not be empty');
  });
});

describe('item layout', () => {
  it('pairs compact neighbours and gives a lone compact field the whole row', () => {
    const gateway = list('api-gateway', 'routes').item;
    const strangler = list('strangler-fig', 'routes').item;
    if (gateway.type !== 'object' || strangler.type !== 'object') throw new Error('not objects');
    // prefix | targets (a list) | rate limit, burst | breaker
    expect(pairedFields(gateway.fields)).toEqual([false, false, true, true, false]);
    // prefix, share | rollback time (nullable: a row of its own)
    expect(pairedFields(strangler.fields)).toEqual([true, true, false]);
  });
});
