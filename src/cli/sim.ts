// Entry point of `npm run sim`; the logic lives in run-scenario-file.ts (tested in-process).
import { readFile } from 'node:fs/promises';
import { runCli } from './run-scenario-file.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => performance.now(),
});
