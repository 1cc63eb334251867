import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { findBuiltin } from '../scenario/index.ts';
import { runCli } from './run-scenario-file.ts';
import { captureIo, REPO_ROOT } from './test-io.ts';

// Same scenario and seed, same run: `sim --json` of a few built-ins and an example, byte for
// byte, and the hash of every event they process. The files were written by the engine
// before its core was split into helpers and its windows made lazy; a change of semantics
// that alters a run must rewrite them on purpose (npm run sim -- --builtin <id> --json).
const golden = (name: string) =>
  readFileSync(join(REPO_ROOT, 'src/cli/golden', `${name}.json`), 'utf8');

/** Event hashes (hashEvents) of the built-ins' "with" variants, and their event counts. */
const EVENT_HASHES: Record<string, [number, number]> = {
  'circuit-breaker': [3780097963, 75889],
  retry: [672046172, 233312],
  timeout: [66971708, 57459],
  'service-mesh-sidecar': [798146938, 241513],
};

describe('golden runs', () => {
  for (const id of Object.keys(EVENT_HASHES)) {
    it(`${id}: sim --json and the event hash are unchanged`, { timeout: 60_000 }, async () => {
      const io = captureIo();
      expect(await runCli(['--builtin', id, '--json'], io)).toBe(0);
      expect(io.stdoutText).toBe(golden(`builtin-${id}`));
      const builtin = findBuiltin(id);
      if (!builtin) throw new Error(`no built-in ${id}`);
      const sim = createSimulation(builtin.build('with'), { registry: REGISTRY, hashEvents: true });
      sim.runToEnd();
      expect([sim.eventHash, sim.events]).toEqual(EVENT_HASHES[id]);
    });
  }

  it('examples/checkout.json: sim --json is unchanged', { timeout: 60_000 }, async () => {
    const io = captureIo();
    expect(await runCli([join(REPO_ROOT, 'examples/checkout.json'), '--json'], io)).toBe(0);
    expect(io.stdoutText).toBe(golden('example-checkout'));
  });
});
