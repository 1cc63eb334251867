import { existsSync } from 'node:fs';

/** Where Debian, Ubuntu and most Linux distributions put a system Chromium or Chrome. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
] as const;

/** Flags that keep a system Chromium quiet and offline-friendly in headless test runs. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export type ChromiumSource = 'env' | 'system' | 'playwright';

export interface ChromiumChoice {
  source: ChromiumSource;
  /** Absolute path of the executable. */
  executablePath: string;
}

export interface FindChromiumInput {
  env: Readonly<Record<string, string | undefined>>;
  exists: (path: string) => boolean;
  /** Path where Playwright's own downloaded Chromium would be, if Playwright knows one. */
  playwrightPath: string | undefined;
}

/**
 * Picks the browser for end-to-end tests: `CHROMIUM_PATH`, then a system Chromium, then
 * Playwright's own download. Returns `undefined` when none exists. A `CHROMIUM_PATH` that
 * points nowhere is an error: the user asked for that browser explicitly.
 */
export function findChromium({
  env,
  exists,
  playwrightPath,
}: FindChromiumInput): ChromiumChoice | undefined {
  const fromEnv = env['CHROMIUM_PATH']?.trim();
  if (fromEnv) {
    if (!exists(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file exists there.`);
    }
    return { source: 'env', executablePath: fromEnv };
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => exists(path));
  if (system) return { source: 'system', executablePath: system };
  if (playwrightPath && exists(playwrightPath)) {
    return { source: 'playwright', executablePath: playwrightPath };
  }
  return undefined;
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the end-to-end tests: install one with `sudo apt-get install chromium` ' +
  '(or `npx playwright install chromium`), or set CHROMIUM_PATH to a Chromium executable.';

/** `findChromium` against the real file system and environment. */
export function findChromiumHere(playwrightPath: string | undefined): ChromiumChoice | undefined {
  return findChromium({ env: process.env, exists: existsSync, playwrightPath });
}
