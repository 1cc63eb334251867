// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** UI libraries that the pure layers must never see (docs/architecture.md §1). */
const UI_LIBRARIES = [
  'react',
  'react-dom',
  'react-dom/client',
  'zustand',
  '@xyflow/react',
  'recharts',
];

/**
 * Ambient, non-deterministic or DOM globals the pure layers must never touch
 * (docs/architecture.md §1).
 */
const IMPURE_GLOBALS = [
  'Date',
  'performance',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'window',
  'document',
].map((name) => ({
  name,
  message: `src/engine and src/patterns are pure: '${name}' is wall-clock, timer or DOM state. Use virtual time and the host layer instead.`,
}));

/** Source folders and the folders each may NOT import from (docs/architecture.md §1). */
const FOLDERS = [
  'engine',
  'patterns',
  'scenario',
  'host',
  'store',
  'canvas',
  'charts',
  'ui',
  'cli',
];
const ALLOWED = {
  engine: [],
  patterns: ['engine'],
  scenario: ['patterns', 'engine'],
  host: ['engine', 'patterns', 'scenario'],
  store: ['scenario', 'host', 'engine'],
  // The app's view layers name document types from src/scenario and run outputs from
  // src/store; they never reach into the engine.
  canvas: ['store', 'scenario', 'charts', 'ui'],
  charts: ['store', 'scenario', 'canvas', 'ui'],
  ui: ['store', 'scenario', 'canvas', 'charts'],
  cli: ['engine', 'patterns', 'scenario'],
};

/**
 * Inside src/patterns: a kind's folder imports only the engine and the pattern kit, each
 * through its index.ts (no sibling kind, no engine internals); the kit imports only the
 * engine. Shared mechanisms therefore live in the kit, never in another kind's folder.
 */
const PATTERN_SCOPES = {
  kind: {
    regex: String.raw`^\.\./(?!kit/index\.ts$|\.\./engine/index\.ts$)`,
    message:
      "A pattern kind's folder may import only the engine ('../../engine/index.ts') and the pattern kit ('../kit/index.ts'); share a mechanism by moving it to src/patterns/kit.",
  },
  kit: {
    regex: String.raw`^\.\./(?!\.\./engine/index\.ts$)`,
    message: "src/patterns/kit may import only the engine ('../../engine/index.ts').",
  },
};

/** Test code and test support, which may reach into engine testing helpers and the registry. */
const TEST_FILES = [
  'src/**/*.test.{ts,tsx}',
  'src/**/*-test-harness.ts',
  'src/patterns/testing/**',
];

/**
 * @param {string} folder
 * @param {{ regex: string, message: string }} [scope] extra restriction inside the folder
 */
function importRules(folder, scope) {
  const allowed = /** @type {Record<string, string[]>} */ (ALLOWED)[folder] ?? [];
  const forbiddenFolders = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const paths = [];
  if (folder === 'engine' || folder === 'patterns') {
    for (const name of UI_LIBRARIES) {
      paths.push({ name, message: `src/${folder} is pure: it may not import '${name}'.` });
    }
  } else {
    if (folder !== 'canvas') {
      paths.push({ name: '@xyflow/react', message: 'Only src/canvas may import @xyflow/react.' });
    }
    if (folder !== 'charts') {
      paths.push({ name: 'recharts', message: 'Only src/charts may import recharts.' });
    }
  }
  return {
    'no-restricted-imports': [
      'error',
      {
        paths,
        patterns: [
          ...(forbiddenFolders.length
            ? [
                {
                  group: forbiddenFolders.flatMap((f) => [`**/${f}`, `**/${f}/**`]),
                  message: `src/${folder} may import only from: ${allowed.join(', ') || 'itself'}.`,
                },
              ]
            : []),
          ...(scope ? [scope] : []),
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'reports/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Hooks live in .ts files too (use-*.ts); the rules are harmless on non-React code.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/patterns/**'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  ...FOLDERS.map((folder) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: importRules(folder),
  })),
  // Later entries replace the rule's options for these files, so each repeats the folder's own.
  {
    files: ['src/patterns/*/**/*.ts'],
    ignores: ['src/patterns/kit/**', ...TEST_FILES],
    rules: importRules('patterns', PATTERN_SCOPES.kind),
  },
  {
    files: ['src/patterns/kit/**/*.ts'],
    ignores: TEST_FILES,
    rules: importRules('patterns', PATTERN_SCOPES.kit),
  },
  {
    files: ['src/engine/**/*.ts', 'src/patterns/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...IMPURE_GLOBALS],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message:
            'src/engine and src/patterns are pure: draw from a named seeded stream, never Math.random.',
        },
        ...['window', 'globalThis', 'self'].flatMap((object) =>
          IMPURE_GLOBALS.map(({ name }) => ({
            object,
            property: name,
            message: `src/engine and src/patterns are pure: '${object}.${name}' is not allowed.`,
          })),
        ),
      ],
    },
  },
);
