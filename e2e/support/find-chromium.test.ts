import { describe, expect, it } from 'vitest';
import { findChromium, SYSTEM_CHROMIUM_PATHS } from './find-chromium.ts';

const PW = '/home/u/.cache/ms-playwright/chromium/chrome';

function existing(...paths: string[]) {
  const set = new Set(paths);
  return (path: string) => set.has(path);
}

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH over a system browser and Playwright’s own', () => {
    const choice = findChromium({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
      exists: existing('/opt/chrome/chrome', '/usr/bin/chromium', PW),
      playwrightPath: PW,
    });
    expect(choice).toEqual({ source: 'env', executablePath: '/opt/chrome/chrome' });
  });

  it('refuses a CHROMIUM_PATH that points nowhere, naming the variable', () => {
    expect(() =>
      findChromium({ env: { CHROMIUM_PATH: '/nope' }, exists: existing(), playwrightPath: PW }),
    ).toThrow(/CHROMIUM_PATH.*\/nope/);
  });

  it('takes the system browsers in the documented order', () => {
    expect(SYSTEM_CHROMIUM_PATHS[0]).toBe('/usr/bin/chromium');
    const choice = findChromium({
      env: {},
      exists: existing('/usr/bin/google-chrome', '/usr/bin/chromium-browser'),
      playwrightPath: PW,
    });
    expect(choice).toEqual({ source: 'system', executablePath: '/usr/bin/chromium-browser' });
  });

  it('falls back to Playwright’s own browser, then to nothing', () => {
    expect(findChromium({ env: {}, exists: existing(PW), playwrightPath: PW })).toEqual({
      source: 'playwright',
      executablePath: PW,
    });
    expect(findChromium({ env: {}, exists: existing(), playwrightPath: PW })).toBeUndefined();
    expect(
      findChromium({ env: {}, exists: existing(), playwrightPath: undefined }),
    ).toBeUndefined();
  });

  it('ignores a blank CHROMIUM_PATH', () => {
    const choice = findChromium({
      env: { CHROMIUM_PATH: '  ' },
      exists: existing('/usr/bin/chromium'),
      playwrightPath: undefined,
    });
    expect(choice?.source).toBe('system');
  });
});
