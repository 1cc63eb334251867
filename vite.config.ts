import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The public barrels of the pure layers hold only re-exports (vite.config.test.ts checks it).
 * Declaring them free of side effects lets the bundler follow each import to the module that
 * defines it, so code reached only through a barrel — the engine's run loop behind the inline
 * host, the built-in scenarios behind the catalogue — stays in the chunks loaded on demand
 * instead of the page's first load.
 */
export const SIDE_EFFECT_FREE_BARRELS = /\/src\/(engine|patterns|scenario|host)\/index\.ts$/;

// `base: './'` makes every asset URL relative, so `dist/` works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    // No source maps in dist/ (they were 7 MB, and no error reporter reads them): the dev
    // server has its own; `npx vite build --sourcemap` builds a debuggable dist/ (README, Deploy).
    sourcemap: false,
    // The entry chunk is ~760 kB raw; what matters is its gzip size, which `npm run size`
    // checks against the budget in .size-limit.js.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      treeshake: {
        moduleSideEffects: (id: string) => !SIDE_EFFECT_FREE_BARRELS.test(id),
      },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  test: {
    include: [
      '*.test.ts',
      'src/**/*.test.{ts,tsx}',
      'e2e/support/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
