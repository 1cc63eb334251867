import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { createSimulation, type SimFault, type SimSummary } from '../engine/index.ts';
import { createInlineHost } from '../host/inline-host.ts';
import { fakeTicker, manualSchedule, recordFrames } from '../host/test-fakes.ts';
import { fakeClock } from '../host/test-scenarios.ts';
import {
  canConnect,
  decodeScenarioLink,
  defaultScenario,
  encodeScenarioLink,
  REGISTRY,
} from '../scenario/index.ts';
import { createAppStore } from './app-store.ts';
import { validateScenario } from './create-stores.ts';
import { createRunController } from './run-controller.ts';
import { createTelemetryStore } from './telemetry-store.ts';

// One truth for the run: whatever was edited, toggled, played and reset, a run from 0 s is the
// document on screen exactly as a fresh page opens it from its share link.

/** Short runs (6 s of the default scenario, ~1000 requests) keep a sequence near 100 ms. */
const DURATION_MS = 6000;
const SEQUENCES = 100;
/** One edit sequence with its two runs: ≤ 24 ms here (2.3 s for the 100, on a loaded machine). */
const SEQUENCE_MS = 40;

const SERVICES = ['gateway', 'orders', 'catalog'] as const;
const TARGETS = [...SERVICES, 'orders-db'] as const;

type Action =
  | { t: 'error-rate'; node: string; rate: number }
  | { t: 'workers'; node: string; workers: number }
  | {
      t: 'fault';
      id: string;
      type: 'crash' | 'error-rate' | 'latency';
      node: string;
      startMs: number;
    }
  | { t: 'remove-fault'; id: string }
  | { t: 'toggle'; node: string }
  | { t: 'step' }
  | { t: 'play'; wallMs: number }
  | { t: 'run-to-end' }
  | { t: 'reset' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    t: fc.constant('error-rate' as const),
    node: fc.constantFrom(...SERVICES),
    rate: fc.double({ min: 0, max: 0.6, noNaN: true }),
  }),
  fc.record({
    t: fc.constant('workers' as const),
    node: fc.constantFrom(...SERVICES),
    workers: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    t: fc.constant('fault' as const),
    id: fc.constantFrom('f1', 'f2', 'slow-orders-db'),
    type: fc.constantFrom('crash' as const, 'error-rate' as const, 'latency' as const),
    node: fc.constantFrom(...TARGETS),
    startMs: fc.integer({ min: 0, max: DURATION_MS }),
  }),
  fc.record({
    t: fc.constant('remove-fault' as const),
    id: fc.constantFrom('f1', 'f2', 'slow-orders-db', 'live'),
  }),
  fc.record({ t: fc.constant('toggle' as const), node: fc.constantFrom(...TARGETS) }),
  fc.record({ t: fc.constant('step' as const) }),
  fc.record({ t: fc.constant('play' as const), wallMs: fc.integer({ min: 10, max: 200 }) }),
  fc.record({ t: fc.constant('run-to-end' as const) }),
  fc.record({ t: fc.constant('reset' as const) }),
);

function faultOf(a: Extract<Action, { t: 'fault' }>): SimFault {
  const base = { id: a.id, target: a.node, type: a.type, startMs: a.startMs, durationMs: 1500 };
  if (a.type === 'error-rate') return { ...base, rate: 0.4 };
  if (a.type === 'latency') return { ...base, addMs: 0, multiplier: 6 };
  return base;
}

function setup() {
  const ticker = fakeTicker();
  const scheduler = manualSchedule();
  const host = createInlineHost({
    now: fakeClock().now,
    ticker: ticker.factory,
    schedule: scheduler.schedule,
  });
  const initial = { ...defaultScenario(REGISTRY), durationMs: DURATION_MS };
  const app = createAppStore({
    initial,
    validate: validateScenario,
    canConnect: (s, a, b) => canConnect(s, a, b, REGISTRY),
  });
  const telemetry = createTelemetryStore();
  const frames = recordFrames(host);
  const run = createRunController(app, telemetry, host);
  const drain = () => {
    while (scheduler.runNext());
  };
  return { app, run, ticker, frames, drain, host };
}

type Setup = ReturnType<typeof setup>;

function perform(s: Setup, a: Action): void {
  const app = s.app.getState();
  const config = (id: string) => app.scenario.nodes.find((n) => n.id === id)?.config ?? {};
  switch (a.t) {
    case 'error-rate':
      app.updateNodeConfig(a.node, { ...config(a.node), errorRate: a.rate });
      break;
    case 'workers':
      app.updateNodeConfig(a.node, { ...config(a.node), workers: a.workers });
      break;
    case 'fault':
      app.upsertFault(faultOf(a));
      break;
    case 'remove-fault':
      app.removeFault(a.id);
      break;
    case 'toggle': {
      // The inspector's switch: a crash from the current virtual time, or off again.
      if (app.scenario.faults.some((f) => f.id === 'live')) app.removeFault('live');
      else {
        const nowMs = s.frames.at(-1)?.timeMs ?? 0;
        app.upsertFault({
          id: 'live',
          target: a.node,
          type: 'crash',
          startMs: Math.round(nowMs),
          durationMs: null,
        });
      }
      break;
    }
    case 'step':
      s.run.step();
      break;
    case 'play':
      s.run.play();
      s.ticker.tick(a.wallMs);
      s.run.pause();
      break;
    case 'run-to-end':
      s.run.runToEnd();
      s.drain();
      break;
    case 'reset':
      s.run.reset();
      break;
  }
}

function finalSummary(s: Setup): SimSummary {
  s.run.runToEnd();
  s.drain();
  const summary = s.frames.at(-1)?.summary;
  if (!summary) throw new Error(`the run did not finish: ${JSON.stringify(s.frames.at(-1))}`);
  return summary;
}

/** The document as a fresh browser opens it from its share link, run to the end. */
function freshRun(s: Setup): SimSummary {
  const link = decodeScenarioLink(encodeScenarioLink(s.app.getState().scenario), REGISTRY);
  if (!link.ok) throw new Error(link.error);
  const sim = createSimulation(link.scenario, { registry: REGISTRY });
  sim.runToEnd();
  return sim.summary();
}

describe('one truth for the run', () => {
  it(
    'after any edits, toggles, runs and resets, Reset then Run to end equals a fresh load of the document',
    budget(SEQUENCES, SEQUENCE_MS),
    () => {
      fc.assert(
        fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), (actions) => {
          const s = setup();
          try {
            for (const a of actions) perform(s, a);
            s.run.reset();
            expect(finalSummary(s)).toEqual(freshRun(s));
          } finally {
            s.run.dispose();
            s.host.dispose();
          }
        }),
        { numRuns: SEQUENCES, seed: 20261207 },
      );
    },
  );

  it('Reset after a config edit during a run simulates the edit (the inspector’s value)', () => {
    const s = setup();
    s.run.step();
    s.app.getState().updateNodeConfig('catalog', {
      ...s.app.getState().scenario.nodes.find((n) => n.id === 'catalog')?.config,
      errorRate: 0.5,
    });
    const failed = (summary: SimSummary) =>
      Object.values(summary.nodes['catalog']?.failed ?? {}).reduce((a, b) => a + b, 0);
    const live = finalSummary(s);
    expect(failed(live)).toBeGreaterThan(0);
    s.run.reset();
    const again = finalSummary(s);
    // The whole run at 50 %, not only from the second it was typed in.
    expect(failed(again)).toBeGreaterThan(failed(live));
    expect(again).toEqual(freshRun(s));
  });

  it('a fault added before the first run gives the same run as the document opened fresh', () => {
    const s = setup();
    perform(s, { t: 'fault', id: 'f1', type: 'error-rate', node: 'catalog', startMs: 1000 });
    expect(finalSummary(s)).toEqual(freshRun(s));
  });
});
