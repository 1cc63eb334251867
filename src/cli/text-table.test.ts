import { describe, expect, it } from 'vitest';
import { fixed, formatTable } from './text-table.ts';

describe('formatTable', () => {
  it('pads text left and numbers right, with a rule under the header', () => {
    const lines = formatTable(
      [{ header: 'id' }, { header: 'count', align: 'right' }, { header: 'note' }],
      [
        ['a', '5', 'x'],
        ['longer', '12345', ''],
      ],
    );
    expect(lines).toEqual([
      'id      count  note',
      '------  -----  ----',
      'a           5  x',
      'longer  12345',
    ]);
  });

  it('fixed() shows non-finite values as "-"', () => {
    expect(fixed(1.005, 1)).toBe('1.0');
    expect(fixed(NaN, 2)).toBe('-');
    expect(fixed(Infinity, 2)).toBe('-');
  });
});
