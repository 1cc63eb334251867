import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimPatch, SimScenario } from '../engine/index.ts';
import { budget } from '../engine/testing/budget.ts';
import { settle } from '../host/test-fakes.ts';
import { parseScenario, REGISTRY } from '../scenario/index.ts';
import type { AppStore } from './app-store.ts';
import { replay, replayCase, uiSession, type LiveEditCase } from './live-edit-test-harness.ts';

// Live edits that once broke the engine, each replayed on a fresh engine and made again the
// way a person makes them (store → run controller → host → engine). A case file is a document
// and its patches with their virtual times, as the live-edit fuzzer prints a finding.

const CASES_DIR = join(import.meta.dirname, 'live-edit-cases');
const read = (name: string): unknown => JSON.parse(readFileSync(join(CASES_DIR, name), 'utf8'));

function scenarioOf(doc: unknown): SimScenario {
  const parsed = parseScenario(doc, REGISTRY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** The editor's way to make a patch: the inspector's form, its fault toggles, the timeline. */
function editFor(app: AppStore, patch: SimPatch): void {
  const s = app.getState();
  const r = (() => {
    switch (patch.type) {
      case 'node-config':
        return s.updateNodeConfig(patch.nodeId, patch.config);
      case 'edge-config':
        return s.updateEdgeConfig(patch.edgeId, patch.config);
      case 'fault-add':
        return s.upsertFault(patch.fault);
      case 'fault-remove':
        s.removeFault(patch.faultId);
        return { ok: true as const };
    }
  })();
  expect(r).toEqual({ ok: true });
}

/** Each run here is a minute of virtual time at most: ~100 ms on the project's machine. */
const RUN_MS = 150;

describe('live-edit cases', () => {
  it(
    'lost-track-simple: Step, call mode parallel → sequential, Hang, Step — no engine error',
    budget(2, RUN_MS),
    async () => {
      const s = uiSession(scenarioOf(read('lost-track-simple.json')));
      try {
        s.run.step(); // the clock reads 1.0 s
        expect(s.nowMs()).toBe(1000);
        s.app.getState().updateNodeConfig('svc', { callMode: 'sequential' });
        s.app.getState().upsertFault({
          id: 'live-hang-svc',
          target: 'svc',
          type: 'hang',
          startMs: s.nowMs(),
          durationMs: null,
        });
        // The engine threw "worker pool lost track of call N" at ~1.78 s.
        s.run.step();
        expect(s.last()).toMatchObject({ status: 'paused', timeMs: 2000, error: null });
        s.finish();
        const end = s.last();
        expect(end).toMatchObject({ status: 'done', error: null });
        expect(end?.summary?.conservation.ok).toBe(true);
        await settle();
        expect(s.record.results).toEqual([{ ok: true }, { ok: true }]);
        expect(s.app.getState().banners).toEqual([]);
        // The same edits at the same virtual times on a fresh engine: the same run.
        expect(replay(s.record.base, s.record.patches).summary).toEqual(end?.summary);
      } finally {
        s.dispose();
      }
    },
  );

  const files = readdirSync(CASES_DIR).filter(
    (f) => f.endsWith('.json') && !f.startsWith('lost-track-simple'),
  );

  for (const file of files) {
    it(`${file}: replays without an engine error, conservation holds`, budget(1, RUN_MS), () => {
      const c = read(file) as LiveEditCase;
      const outcome = replayCase(c);
      expect(outcome).toMatchObject({ error: null, refused: [] });
      expect(outcome.summary?.conservation.ok).toBe(true);
    });

    it(
      `${file}: made in the app at the same times, the run ends as the replay`,
      budget(1, RUN_MS),
      async () => {
        const c = read(file) as LiveEditCase;
        const s = uiSession(scenarioOf(c.doc));
        try {
          for (const { atMs, patch } of c.patches) {
            s.advance(atMs - s.nowMs());
            expect(s.nowMs()).toBe(atMs);
            editFor(s.app, patch);
          }
          s.finish();
          expect(s.last()).toMatchObject({ status: 'done', error: null });
          await settle();
          expect(s.record.results.every((r) => r.ok)).toBe(true);
          expect(s.last()?.summary).toEqual(replayCase(c).summary);
        } finally {
          s.dispose();
        }
      },
    );
  }
});
