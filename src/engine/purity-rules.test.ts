import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { budget } from './testing/budget.ts';

// Proves the boundary rules of DESIGN.md §1–§2 bite: a rule that silently stopped matching
// would otherwise let wall-clock time or UI code leak into the deterministic engine.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The first lint loads the config, typescript-eslint and the React plugin: ~2 s here. */
const LOAD_MS = 2_500;
/** Each later lint of a few lines: 20–70 ms here. */
const LINT_MS = 100;

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: repoRoot });
  // The one-off loading is paid here, under its own budget, not by whichever test runs first.
  await eslint.lintText('export {};\n', { filePath: 'src/ui/warm-up.tsx' });
}, budget(1, LOAD_MS).timeout);

async function lint(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

const IMPURE_SOURCE = [
  "import { useState } from 'react';",
  'export const roll = (): number => Math.random();',
  'export const hook = useState;',
].join('\n');

describe('engine and patterns purity rules', () => {
  it('rejects Math.random and a react import in src/engine', budget(1, LINT_MS), async () => {
    const messages = await lint(IMPURE_SOURCE, 'src/engine/lint-probe.ts');
    expect(messages).toContainEqual({
      ruleId: 'no-restricted-imports',
      message: expect.stringContaining("'react'"),
    });
    expect(messages).toContainEqual({
      ruleId: 'no-restricted-properties',
      message: expect.stringContaining('Math.random'),
    });
  });

  it.each([
    ['Date.now()', 'Date'],
    ['performance.now()', 'performance'],
    ['setTimeout(() => 0, 1)', 'setTimeout'],
    ['setInterval(() => 0, 1)', 'setInterval'],
    ['requestAnimationFrame(() => 0)', 'requestAnimationFrame'],
    ['window.location.href', 'window'],
    ['document.title', 'document'],
    ['globalThis.setTimeout(() => 0, 1)', 'globalThis.setTimeout'],
  ])('rejects %s in src/patterns', budget(1, LINT_MS), async (expression, named) => {
    const messages = await lint(`export const x = ${expression};\n`, 'src/patterns/probe/probe.ts');
    expect(messages.map((m) => m.message).join('\n')).toContain(`'${named}'`);
  });

  it.each(['zustand', '@xyflow/react', 'recharts', 'react-dom'])(
    'rejects an import of %s in src/engine',
    budget(1, LINT_MS),
    async (library) => {
      const messages = await lint(
        `import * as lib from '${library}';\nexport const x = lib;\n`,
        'src/engine/lint-probe.ts',
      );
      expect(messages).toContainEqual({
        ruleId: 'no-restricted-imports',
        message: expect.stringContaining(`'${library}'`),
      });
    },
  );

  it('rejects an import from a folder outside the engine', budget(1, LINT_MS), async () => {
    const messages = await lint(
      "import { x } from '../scenario/index.ts';\nexport const y = x;\n",
      'src/engine/lint-probe.ts',
    );
    expect(messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it(
    'lets engine tests use Math.random and Date, and pure code pass clean',
    budget(2, LINT_MS),
    async () => {
      expect(await lint(IMPURE_SOURCE, 'src/engine/probe.test.ts')).toEqual([]);
      expect(
        await lint(
          'export const add = (a: number, b: number): number => a + b;\n',
          'src/engine/add.ts',
        ),
      ).toEqual([]);
    },
  );

  it(
    'keeps @xyflow/react inside src/canvas and recharts inside src/charts',
    budget(4, LINT_MS),
    async () => {
      const flow = "import { ReactFlow } from '@xyflow/react';\nexport const F = ReactFlow;\n";
      expect(await lint(flow, 'src/canvas/probe.tsx')).toEqual([]);
      expect((await lint(flow, 'src/ui/probe.tsx')).map((m) => m.ruleId)).toContain(
        'no-restricted-imports',
      );
      const chart = "import { LineChart } from 'recharts';\nexport const C = LineChart;\n";
      expect(await lint(chart, 'src/charts/probe.tsx')).toEqual([]);
      expect((await lint(chart, 'src/canvas/probe.tsx')).map((m) => m.ruleId)).toContain(
        'no-restricted-imports',
      );
    },
  );

  it.each(['src/ui/probe.ts', 'src/canvas/probe.ts', 'src/charts/probe.ts'])(
    'keeps %s away from the engine: document types come from src/scenario',
    budget(2, LINT_MS),
    async (file) => {
      const fromEngine =
        "import type { SimScenario } from '../engine/index.ts';\nexport type S = SimScenario;\n";
      expect((await lint(fromEngine, file)).map((m) => m.ruleId)).toContain(
        'no-restricted-imports',
      );
      const fromScenario =
        "import type { SimScenario } from '../scenario/index.ts';\nexport type S = SimScenario;\n";
      expect(await lint(fromScenario, file)).toEqual([]);
    },
  );
});
