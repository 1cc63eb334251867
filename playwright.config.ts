import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromiumHere } from './e2e/support/find-chromium.ts';
import { playwrightChromiumPath } from './e2e/support/playwright-chromium-path.ts';

// FAULTLINE_E2E_PORT lets two checkouts run their suites side by side without sharing a server.
const PORT = Number(process.env['FAULTLINE_E2E_PORT'] ?? 4173);
// `npm test` checks for a browser before this point; undefined lets Playwright report its own error.
const browser = findChromiumHere(playwrightChromiumPath());

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // One worker: these are 2-core machines, and the app under test runs a simulation worker too.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: browser?.executablePath,
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
  webServer: {
    // The e2e suite tests the built site, exactly what a static host would serve.
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
