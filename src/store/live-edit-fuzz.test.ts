import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimFault } from '../engine/index.ts';
import { budget } from '../engine/testing/budget.ts';
import { settle } from '../host/test-fakes.ts';
import { FAULT_CATALOG } from './fault-catalog.ts';
import {
  liveEditSequence,
  type LiveAction,
  type LiveEditSequence,
} from './live-edit-arbitraries-test-harness.ts';
import { withField } from './live-edit-topology-test-harness.ts';
import { replay, uiSession, type LiveEditCase, type UiSession } from './live-edit-test-harness.ts';

// The live-edit fuzzer: random sequences of edits — any field of any kind or edge, any
// registered fault type toggled or scheduled — at random virtual times over random
// topologies, made the way a person makes them (app store → run controller → host →
// engine). Each sequence must end with no engine error, every edit the document accepted
// also accepted live, conservation intact, and the very run a fresh engine gives for the same
// patches at the same virtual times.
//
// FAULTLINE_FUZZ_RUNS=5000 FAULTLINE_FUZZ_SEED=<n> npx vitest run src/store/live-edit-fuzz.test.ts
// runs it longer (a few ms a sequence) and prints what it covered.

const envInt = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number ≥ 0 (got ${raw})`);
  return n;
};

const RUNS = envInt('FAULTLINE_FUZZ_RUNS', 150);
const SEED = envInt('FAULTLINE_FUZZ_SEED', 20261207);
const VERBOSE = process.env['FAULTLINE_FUZZ_RUNS'] !== undefined;
/** The clock stops here: a heavy topology is the budget guard's matter, not this test's. */
const MAX_EVENTS = 50_000;
/** One sequence (1–4 s of virtual time, up to 14 edits, a replay) costs ~15 ms on the project's machine. */
const SEQUENCE_MS = 20;

const liveFaultId = (type: string, target: string) => `live-${type}-${target}`;

type Outcome = 'time' | 'accepted' | 'refused';

/** Does what the inspector, its fault toggles, the timeline and the run toolbar do. */
function perform(s: UiSession, a: LiveAction): Outcome {
  const app = s.app.getState();
  const edit = (r: { ok: boolean }): Outcome => (r.ok ? 'accepted' : 'refused');
  switch (a.t) {
    case 'advance':
      s.advance(a.ms);
      return 'time';
    case 'step':
      s.step();
      return 'time';
    case 'node': {
      const node = app.scenario.nodes.find((n) => n.id === a.nodeId);
      if (!node) throw new Error(`no node ${a.nodeId}`);
      return edit(app.updateNodeConfig(a.nodeId, withField(node.config, a.path, a.value)));
    }
    case 'edge': {
      const edge = app.scenario.edges.find((e) => e.id === a.edgeId);
      if (!edge) throw new Error(`no edge ${a.edgeId}`);
      return edit(app.updateEdgeConfig(a.edgeId, withField({ ...edge.config }, a.path, a.value)));
    }
    case 'toggle': {
      const id = liveFaultId(a.type, a.target);
      if (app.scenario.faults.some((f) => f.id === id)) {
        app.removeFault(id);
        return 'accepted';
      }
      const info = FAULT_CATALOG.find((f) => f.type === a.type);
      const param = info?.toggle?.param;
      return edit(
        app.upsertFault({
          id,
          target: a.target,
          type: a.type,
          startMs: Math.max(0, Math.round(s.nowMs())),
          durationMs: null,
          ...info?.newParams,
          ...(param && a.value !== undefined ? { [param]: a.value } : {}),
        } as SimFault),
      );
    }
    case 'fault':
      return edit(app.upsertFault(a.fault));
    case 'remove-fault':
      app.removeFault(a.faultId);
      return 'accepted';
  }
}

interface Coverage {
  sequences: number;
  /** Edits the document accepted (then patched live) and refused (as the inspector would). */
  edits: number;
  refusedEdits: number;
  patches: number;
  patchTypes: Record<string, number>;
  faultTypes: Record<string, number>;
  kinds: Record<string, number>;
  finished: number;
  capped: number;
  /** Runs the run guard stopped (deterministically). */
  stopped: number;
}

const bump = (m: Record<string, number>, k: string) => void (m[k] = (m[k] ?? 0) + 1);

/** Runs one sequence through the app, checks it against a fresh replay, counts what it covered. */
async function check(seq: LiveEditSequence, coverage: Coverage): Promise<void> {
  const s = uiSession(seq.scenario, MAX_EVENTS);
  try {
    for (const a of seq.actions) {
      const outcome = perform(s, a);
      if (outcome === 'accepted') coverage.edits++;
      if (outcome === 'refused') coverage.refusedEdits++;
    }
    s.finish();
    await settle();
    const end = s.last();
    const { base, patches, results } = s.record;
    const failure: LiveEditCase = {
      note: `live-edit fuzz (seed ${SEED}): apply each patch once the clock reaches atMs`,
      doc: base,
      patches,
    };
    const where = `\n${JSON.stringify(failure)}\n`;
    if (end?.error?.startsWith('Stopped at')) {
      // The run guard stopped a run that cannot go on (a queue redelivering to a consumer that
      // fails at once, with no delay anywhere): a designed stop, not a broken engine. A fresh
      // run of the same edits stops at the same instant with the same sentence.
      const fresh = replay(base, patches);
      expect(fresh.error, where).not.toBeNull();
      expect(end.error.startsWith(fresh.error ?? '\0'), where).toBe(true);
      coverage.stopped++;
      coverage.sequences++;
      return;
    }
    expect(end?.error ?? null, where).toBeNull();
    // A document the editor accepted is a patch the engine accepts.
    expect(
      results.filter((r) => !r.ok),
      where,
    ).toEqual([]);
    expect(
      s.app.getState().banners.filter((b) => b.tone === 'error'),
      where,
    ).toEqual([]);
    const done = end?.status === 'done';
    const fresh = replay(base, patches, done ? undefined : end?.timeMs);
    expect(fresh.error, where).toBeNull();
    expect(fresh.refused, where).toEqual([]);
    if (done) {
      expect(end?.summary?.conservation.ok, where).toBe(true);
      expect(end?.summary, where).toEqual(fresh.summary);
      coverage.finished++;
    } else {
      expect(fresh.summary?.events, where).toBe(end?.telemetry.events);
      coverage.capped++;
    }
    coverage.sequences++;
    coverage.patches += patches.length;
    for (const { patch } of patches) {
      bump(coverage.patchTypes, patch.type);
      if (patch.type === 'fault-add') bump(coverage.faultTypes, patch.fault.type);
    }
    for (const n of base.nodes) bump(coverage.kinds, n.kind);
  } finally {
    s.dispose();
  }
}

describe('live-edit fuzzer', () => {
  it(
    `random live edits over random topologies never break the engine (${RUNS} sequences)`,
    budget(RUNS, SEQUENCE_MS),
    async () => {
      const coverage: Coverage = {
        sequences: 0,
        edits: 0,
        refusedEdits: 0,
        patches: 0,
        patchTypes: {},
        faultTypes: {},
        kinds: {},
        finished: 0,
        capped: 0,
        stopped: 0,
      };
      await fc.assert(
        fc.asyncProperty(liveEditSequence, (seq) => check(seq, coverage)),
        { numRuns: RUNS, seed: SEED },
      );
      if (VERBOSE) console.log(`live-edit fuzz, seed ${SEED}: ${JSON.stringify(coverage)}`);
      // The sequences made real live edits, of every fault type the registry knows.
      expect(coverage.patches).toBeGreaterThan(RUNS);
      if (RUNS >= 100) {
        expect(Object.keys(coverage.faultTypes).sort()).toEqual(
          FAULT_CATALOG.map((f) => f.type).sort(),
        );
      }
    },
  );
});
