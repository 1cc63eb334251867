import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SIDE_EFFECT_FREE_BARRELS } from './vite.config.ts';

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
