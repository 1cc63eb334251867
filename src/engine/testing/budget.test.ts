import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { budget, BUDGET_BASE_MS, BUDGET_SLACK } from './budget.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('budget', () => {
  it('is the base plus the slack times count × cost', () => {
    expect(budget(500, 6)).toEqual({ timeout: BUDGET_BASE_MS + BUDGET_SLACK * 500 * 6 });
    expect(budget(0, 100)).toEqual({ timeout: BUDGET_BASE_MS });
    expect(budget(3, 0.0001).timeout).toBe(Math.ceil(BUDGET_BASE_MS + BUDGET_SLACK * 0.0003));
  });

  it('refuses negative or non-numeric counts and costs', () => {
    expect(() => budget(-1, 1)).toThrow(/count and costMs must be ≥ 0 \(got -1, 1\)/);
    expect(() => budget(1, Number.NaN)).toThrow(/got 1, NaN/);
  });

  it('every test file that runs fast-check properties sizes them with it', () => {
    const files = ['src', 'e2e', 'bench'].flatMap((dir) => testFiles(join(REPO_ROOT, dir)));
    const withProperties = files.filter((f) => readFileSync(f, 'utf8').includes('fc.assert('));
    expect(withProperties.length).toBeGreaterThan(20);
    const unbudgeted = withProperties
      .filter((f) => !/\bbudget\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(REPO_ROOT, f));
    expect(unbudgeted).toEqual([]);
  });
});
