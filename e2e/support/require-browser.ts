// Run before the e2e step: stops `npm test` with one clear sentence when no browser exists.
import { findChromiumHere, NO_CHROMIUM_MESSAGE } from './find-chromium.ts';
import { playwrightChromiumPath } from './playwright-chromium-path.ts';

try {
  const choice = findChromiumHere(playwrightChromiumPath());
  if (!choice) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  console.log(`End-to-end tests use Chromium at ${choice.executablePath} (${choice.source}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
