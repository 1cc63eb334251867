import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './run-scenario-file.ts';

/** The repository root, so tests find `examples/` whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CapturedIo extends CliIo {
  out: string[];
  err: string[];
  readonly stdoutText: string;
  readonly stderrText: string;
}

/** A CliIo that reads real files and captures what would be printed. */
export function captureIo(): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    get stdoutText() {
      return out.join('');
    },
    get stderrText() {
      return err.join('');
    },
  };
}
