import { chromium } from '@playwright/test';

/** Where Playwright's own Chromium download would live; undefined if Playwright cannot say. */
export function playwrightChromiumPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
