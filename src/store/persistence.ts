import type { SimScenario } from '../engine/index.ts';
import type { AppStore } from './app-store.ts';

export const AUTOSAVE_KEY = 'faultline.autosave';
/** Where an autosave that no longer loads is moved, so a bug never destroys someone's work. */
export const BROKEN_AUTOSAVE_KEY = 'faultline.autosave.unreadable';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type ParseText = (
  text: string,
) => { ok: true; scenario: SimScenario } | { ok: false; errors: string[] };

export type RestoreResult =
  | { kind: 'none' }
  | { kind: 'restored'; scenario: SimScenario }
  | { kind: 'unreadable'; message: string };

export function restoreAutosave(storage: KeyValueStorage, parse: ParseText): RestoreResult {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' }; // storage disabled (private mode): nothing to restore
  }
  if (text === null) return { kind: 'none' };
  const parsed = parse(text);
  if (parsed.ok) return { kind: 'restored', scenario: parsed.scenario };
  try {
    storage.setItem(BROKEN_AUTOSAVE_KEY, text);
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    /* keep going: the banner still explains */
  }
  return {
    kind: 'unreadable',
    message: `Your autosaved scenario could not be restored (${parsed.errors[0] ?? 'invalid'}); it was kept aside and the default scenario is shown.`,
  };
}

/** Saves after every committed edit (not during a drag); returns a stop function. */
export function startAutosave(
  app: AppStore,
  storage: KeyValueStorage,
  serialize: (s: SimScenario) => string,
): () => void {
  let warned = false;
  const save = (scenario: SimScenario) => {
    try {
      storage.setItem(AUTOSAVE_KEY, serialize(scenario));
    } catch {
      if (!warned) {
        warned = true;
        app
          .getState()
          .notify(
            'error',
            'Autosave failed: this browser refused to store the scenario (storage full or disabled).',
          );
      }
    }
  };
  save(app.getState().scenario);
  return app.subscribe((state, prev) => {
    if (state.dragBase) return;
    if (state.revision !== prev.revision || (prev.dragBase && !state.dragBase))
      save(state.scenario);
  });
}
