import type { SimScenario } from '../engine/index.ts';
import type { SimHost } from '../host/index.ts';
import {
  canConnect,
  decodeScenarioLink,
  defaultScenario,
  documentText,
  formatErrors,
  hasScenarioLink,
  parseScenario,
  parseScenarioText,
  REGISTRY,
} from '../scenario/index.ts';
import { createAppStore, type AppStore, type Validator } from './app-store.ts';
import { restoreAutosave, startAutosave, type KeyValueStorage } from './persistence.ts';
import { createRunController } from './run-controller.ts';
import type { Stores } from './store-context.tsx';
import { createTelemetryStore } from './telemetry-store.ts';

export const validateScenario: Validator = (s) => {
  const r = parseScenario(s, REGISTRY);
  return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, errors: formatErrors(r.errors) };
};

export function parseScenarioFile(
  text: string,
): { ok: true; scenario: SimScenario } | { ok: false; errors: string[] } {
  const r = parseScenarioText(text, REGISTRY);
  return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, errors: formatErrors(r.errors) };
}

export interface StoreEnvironment {
  host: SimHost;
  storage: KeyValueStorage;
  /** The URL hash at start-up (with or without '#'). */
  hash: string;
}

export interface StartedStores extends Stores {
  /** Stops autosave, the run binding and the host. */
  dispose(): void;
}

/**
 * Picks the first scenario — a shared link, else the autosave, else the default — and wires
 * stores, host and autosave. A bad link never replaces the user's work: it shows a banner
 * and the autosave (or the default) loads instead.
 */
export function createStores(env: StoreEnvironment): StartedStores {
  const banners: string[] = [];
  let initial: SimScenario | null = null;
  let source: 'link' | 'autosave' | 'default' = 'default';
  if (hasScenarioLink(env.hash)) {
    const link = decodeScenarioLink(env.hash, REGISTRY);
    if (link.ok) {
      initial = link.scenario;
      source = 'link';
    } else {
      banners.push(link.error);
    }
  }
  if (!initial) {
    const restored = restoreAutosave(env.storage, parseScenarioFile);
    if (restored.kind === 'restored') {
      initial = restored.scenario;
      source = 'autosave';
    } else if (restored.kind === 'unreadable') {
      banners.push(restored.message);
    }
  }
  const app: AppStore = createAppStore({
    initial: initial ?? defaultScenario(REGISTRY),
    validate: validateScenario,
    canConnect: (s, a, b) => canConnect(s, a, b, REGISTRY),
  });
  app.setState({ source });
  for (const message of banners) app.getState().notify('error', message);
  const telemetry = createTelemetryStore();
  const run = createRunController(app, telemetry, env.host);
  const stopAutosave = startAutosave(app, env.storage, documentText);
  return {
    app,
    telemetry,
    run,
    dispose() {
      stopAutosave();
      run.dispose();
      env.host.dispose();
    },
  };
}

/** Opens a link pasted into the address bar while the app runs; the current work stays on error. */
export function openLink(app: AppStore, hash: string): boolean {
  if (!hasScenarioLink(hash)) return false;
  const link = decodeScenarioLink(hash, REGISTRY);
  if (!link.ok) {
    app.getState().notify('error', link.error);
    return false;
  }
  app.getState().load(link.scenario, 'link');
  return true;
}
