import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { budget } from './testing/budget.ts';

// Proves the boundary rules of docs/architecture.md §1 bite: a rule that silently stopped
// matching would otherwise let wall-clock time or UI code leak into the deterministic engine.
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

  it(
    'lets a pattern kind import only the engine and the kit, each through its index.ts',
    budget(6, LINT_MS),
    async () => {
      const sibling =
        "import { retryKind } from '../retry/retry.ts';\nexport const r = retryKind;\n";
      const messages = await lint(sibling, 'src/patterns/bulkhead/probe.ts');
      expect(messages).toContainEqual({
        ruleId: 'no-restricted-imports',
        message: expect.stringContaining('src/patterns/kit'),
      });
      for (const source of ['../../engine/model/call.ts', '../kit/forward.ts', '../registry.ts']) {
        const code = `import * as m from '${source}';\nexport const x = m;\n`;
        const found = await lint(code, 'src/patterns/bulkhead/probe.ts');
        expect(
          found.map((m) => m.ruleId),
          source,
        ).toContain('no-restricted-imports');
      }
      const allowed = [
        "import { Cause } from '../../engine/index.ts';",
        "import { ONE_DOWNSTREAM } from '../kit/index.ts';",
        "import { config } from './config.ts';",
        'export const x = [Cause, ONE_DOWNSTREAM, config];',
      ].join('\n');
      expect(await lint(`${allowed}\n`, 'src/patterns/bulkhead/probe.ts')).toEqual([]);
      // UI libraries stay out too.
      const ui = "import { useState } from 'react';\nexport const u = useState;\n";
      expect((await lint(ui, 'src/patterns/bulkhead/probe.ts')).map((m) => m.ruleId)).toContain(
        'no-restricted-imports',
      );
    },
  );

  it('lets the kit import only the engine, and exempts tests', budget(3, LINT_MS), async () => {
    const kind = "import { retryKind } from '../retry/retry.ts';\nexport const r = retryKind;\n";
    expect((await lint(kind, 'src/patterns/kit/probe.ts')).map((m) => m.ruleId)).toContain(
      'no-restricted-imports',
    );
    const engine = "import { Cause } from '../../engine/index.ts';\nexport const c = Cause;\n";
    expect(await lint(engine, 'src/patterns/kit/probe.ts')).toEqual([]);
    expect(await lint(kind, 'src/patterns/bulkhead/probe.test.ts')).toEqual([]);
  });
});
