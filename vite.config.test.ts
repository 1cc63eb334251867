import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHint, SIDE_EFFECT_FREE_BARRELS } from './vite.config.ts';

const ROOT = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : [path];
  });
}

/** Statements of a module that do something when it is imported (anything but re-exports). */
function nonReexports(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022);
  return file.statements
    .filter((s) => !(ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined))
    .map((s) => s.getText(file));
}

describe('build config', () => {
  const barrels = sourceFiles(join(ROOT, 'src')).filter((p) => SIDE_EFFECT_FREE_BARRELS.test(p));

  it('declares the pure layers’ public barrels free of side effects', () => {
    expect(barrels.map((p) => relative(ROOT, p)).sort()).toEqual([
      'src/engine/index.ts',
      'src/host/index.ts',
      'src/patterns/index.ts',
      'src/scenario/index.ts',
    ]);
  });

  it.each(barrels.map((p) => [relative(ROOT, p), p]))(
    '%s holds only re-exports, so dropping its unused ones changes nothing',
    (_name, path) => {
      expect(nonReexports(path)).toEqual([]);
    },
  );
});

describe('compile hint plugin', () => {
  type Handler = (options: unknown, bundle: Record<string, unknown>) => void;
  const handler = () => {
    const hook = compileHint().generateBundle as { handler: Handler };
    return hook.handler;
  };

  it('puts the hint on the first line of the entry chunk only, and shifts its map', () => {
    const bundle: Record<string, unknown> = {
      'assets/index.js': { type: 'chunk', isEntry: true, fileName: 'assets/index.js', code: 'a()' },
      'assets/index.js.map': {
        type: 'asset',
        source: JSON.stringify({ version: 3, mappings: 'AAAA' }),
      },
      'assets/lazy.js': { type: 'chunk', isEntry: false, fileName: 'assets/lazy.js', code: 'b()' },
    };
    handler()({}, bundle);
    expect((bundle['assets/index.js'] as { code: string }).code).toBe(`${COMPILE_HINT}\na()`);
    expect(JSON.parse((bundle['assets/index.js.map'] as { source: string }).source)).toEqual({
      version: 3,
      mappings: ';AAAA',
    });
    expect((bundle['assets/lazy.js'] as { code: string }).code).toBe('b()');
  });
});
