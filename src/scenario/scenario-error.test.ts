import { describe, expect, it } from 'vitest';
import { describeValue, formatErrors, formatPath, joinPath, quote } from './scenario-error.ts';

describe('scenario errors', () => {
  it('formats paths with dots and bracketed indices', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['nodes', 1, 'config', 'serviceTime', 'meanMs'])).toBe(
      'nodes[1].config.serviceTime.meanMs',
    );
    expect(formatPath(['config', 'retry-after'])).toBe('config["retry-after"]');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });

  it('joins a base with a child path', () => {
    expect(joinPath('nodes[1].config', 'workers')).toBe('nodes[1].config.workers');
    expect(joinPath('nodes[1].config', '[0]')).toBe('nodes[1].config[0]');
    expect(joinPath('nodes[1].config', '')).toBe('nodes[1].config');
    expect(joinPath('', 'seed')).toBe('seed');
  });

  it('formats errors as lines', () => {
    expect(
      formatErrors([
        { path: '', message: 'document is empty' },
        { path: 'seed', message: 'must be an integer (got 1.5)' },
      ]),
    ).toEqual(['document is empty', 'seed: must be an integer (got 1.5)']);
  });

  it('describes received values briefly', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(0)).toBe('0');
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue([1, 2])).toBe('a list of 2');
    expect(describeValue({})).toBe('an object');
    expect(quote('y'.repeat(100))).toHaveLength(42);
  });
});
