import { describe, expect, it } from 'vitest';
import type { BuiltinScenario } from '../scenario/index.ts';
import { filterBuiltins } from './catalogue-filter.ts';

const entry = (id: string, title: string, patterns: string[], description: string) =>
  ({
    id,
    title,
    patterns,
    description,
    watch: { nodes: ['client'], figure: 'goodput', caption: 'Unused.', withPattern: 'higher' },
    variants: ['with', 'without'],
    build: () => {
      throw new Error('unused');
    },
  }) as BuiltinScenario;

const ALL = [
  entry('circuit-breaker', 'Circuit breaker', ['R1'], 'Fails fast while the service errors.'),
  entry('retry', 'Retry', ['R2'], 'Transient errors, then an outage.'),
];

describe('filterBuiltins', () => {
  it('keeps everything, in order, for an empty query', () => {
    expect(filterBuiltins(ALL, '  ')).toBe(ALL);
  });
  it('matches title, pattern row and description words, case-insensitively', () => {
    expect(filterBuiltins(ALL, 'BREAKER').map((b) => b.id)).toEqual(['circuit-breaker']);
    expect(filterBuiltins(ALL, 'r2').map((b) => b.id)).toEqual(['retry']);
    expect(filterBuiltins(ALL, 'outage transient').map((b) => b.id)).toEqual(['retry']);
    expect(filterBuiltins(ALL, 'outage breaker')).toEqual([]);
  });
});
