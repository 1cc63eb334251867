import type { SimScenario } from '../engine/index.ts';
import type { SimHost } from '../host/index.ts';
import {
  blankScenario,
  canConnect,
  defaultScenario,
  documentText,
  formatErrors,
  parseScenario,
  parseScenarioText,
  REGISTRY,
} from '../scenario/index.ts';
import { createAppStore, type AppStore, type Validator } from './app-store.ts';
import { restoreAutosave, startAutosave, type KeyValueStorage } from './persistence.ts';
import { documentCommands } from './document-commands.ts';
import { startRecentDocuments } from './recent-documents.ts';
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
 * Picks the first scenario — the autosave, else the default — and wires stores, host,
 * autosave and Recent. A shared link then opens over it as one undo step, with a banner
 * saying how to get the previous work back; a bad link shows why and changes nothing.
 */
export function createStores(env: StoreEnvironment): StartedStores {
  const banners: string[] = [];
  let initial: SimScenario | null = null;
  let source: 'autosave' | 'default' = 'default';
  const restored = restoreAutosave(env.storage, parseScenarioFile);
  if (restored.kind === 'restored') {
    initial = restored.scenario;
    source = 'autosave';
  } else if (restored.kind === 'unreadable') {
    banners.push(restored.message);
  }
  const app: AppStore = createAppStore({
    initial: initial ?? defaultScenario(REGISTRY),
    validate: validateScenario,
    canConnect: (s, a, b) => canConnect(s, a, b, REGISTRY),
  });
  app.setState({ source });
  for (const message of banners) app.getState().notify('error', message);
  const stopRecent = startRecentDocuments(app, {
    storage: env.storage,
    serialize: documentText,
    now: () => Date.now(),
    isPristine: pristineTest(),
  });
  const documents = documentCommands(app, env.storage, parseScenarioFile);
  documents.openLink(env.hash);
  const telemetry = createTelemetryStore();
  const run = createRunController(app, telemetry, env.host);
  const stopAutosave = startAutosave(app, env.storage, documentText);
  return {
    app,
    telemetry,
    run,
    documents,
    dispose() {
      stopAutosave();
      stopRecent();
      run.dispose();
      env.host.dispose();
    },
  };
}

/** The untouched default and a blank page are not worth a place in Recent. */
function pristineTest(): (text: string) => boolean {
  let pristine: Set<string> | null = null;
  return (text) => {
    pristine ??= new Set([documentText(defaultScenario(REGISTRY)), documentText(blankScenario())]);
    return pristine.has(text);
  };
}
