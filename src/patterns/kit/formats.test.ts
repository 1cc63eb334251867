import { describe, expect, it } from 'vitest';
import type { RequestInfo } from '../../engine/index.ts';
import { Format, formatOf, readable, setFormat, translate } from './formats.ts';

const request = (attrs: RequestInfo['attrs']): RequestInfo => ({
  id: 1,
  client: 0,
  createdUs: 0,
  deadlineUs: Infinity,
  key: -1,
  userId: -1,
  attrs,
  resolved: false,
  openRootCalls: 0,
});

describe('formats', () => {
  it('translate: legacy → domain; undocumented → domain by default; domain and none untouched', () => {
    expect(translate(Format.Legacy)).toEqual({
      format: 'domain',
      translated: true,
      defaulted: false,
    });
    expect(translate(Format.Unexpected)).toEqual({
      format: 'domain',
      translated: true,
      defaulted: true,
    });
    expect(translate('legacy-v0-garbage')).toEqual({
      format: 'domain',
      translated: true,
      defaulted: true,
    });
    expect(translate(Format.Domain)).toEqual({
      format: 'domain',
      translated: false,
      defaulted: false,
    });
    expect(translate(null)).toEqual({ format: null, translated: false, defaulted: false });
  });

  it('readable: a legacy-coupled consumer reads documented legacy and domain answers only', () => {
    expect(readable(Format.Legacy)).toBe(true);
    expect(readable(Format.Domain)).toBe(true);
    expect(readable(null)).toBe(true);
    expect(readable(Format.Unexpected)).toBe(false);
    expect(readable('something-else')).toBe(false);
  });

  it('setFormat keeps other attributes (the route) and formatOf reads it back', () => {
    const r = request({ route: '/orders' });
    setFormat(r, Format.Legacy);
    expect(r.attrs).toEqual({ route: '/orders', format: 'legacy' });
    const bare = request(null);
    expect(formatOf(bare)).toBeNull();
    setFormat(bare, Format.Domain);
    expect(formatOf(bare)).toBe('domain');
  });
});
