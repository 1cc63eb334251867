import { describe, expect, it } from 'vitest';
import { groupThousands } from './status-bar.tsx';

describe('groupThousands', () => {
  it('groups digits by three with commas, like en-US', () => {
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(75_889)).toBe('75,889');
    expect(groupThousands(1_234_567)).toBe('1,234,567');
    expect(groupThousands(-1234)).toBe('-1,234');
  });
});
