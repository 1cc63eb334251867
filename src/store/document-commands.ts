import type { SimScenario } from '../engine/index.ts';
import {
  blankScenario,
  decodeScenarioLink,
  documentText,
  hasScenarioLink,
  REGISTRY,
} from '../scenario/index.ts';
import type { AppStore } from './app-store.ts';
import type { KeyValueStorage, ParseText } from './persistence.ts';
import { forgetRecent, type RecentDocument } from './recent-documents.ts';

/** Commands that replace the whole document; each is one undo step and says what it did. */
export interface DocumentCommands {
  /** Opens a shared link (`#s=…`); false when the hash holds none or a broken one. */
  openLink(hash: string): boolean;
  /** Opens a document remembered in Recent. */
  openRecent(entry: RecentDocument): void;
  /** An empty canvas with a fresh title, seed and duration. */
  newScenario(): void;
}

const UNDO_HINT = 'Undo (Ctrl+Z) brings back';

/** Opens `scenario` over the current document and tells the person how to get it back. */
export function openOver(
  app: AppStore,
  scenario: SimScenario,
  source: 'link' | 'recent' | 'new',
  what: string,
): boolean {
  const current = app.getState().scenario;
  if (source !== 'new' && documentText(current) === documentText(scenario)) {
    app.getState().notify('info', `${what}: it is the scenario already open, so nothing changed.`);
    return true;
  }
  const previous = current.meta.title;
  const recentBefore = app.getState().recent[0];
  const opened = app.getState().open(scenario, source);
  if (!opened.ok) {
    app.getState().notify('error', `${what} could not be opened: ${opened.errors[0] ?? ''}`);
    return false;
  }
  // Remembered synchronously by the Recent binding, unless it was the untouched default.
  const kept = app.getState().recent[0] !== recentBefore;
  const recall = kept ? '; Recent keeps it after a reload' : '';
  app.getState().notify('info', `${what}. ${UNDO_HINT} “${previous}”${recall}.`);
  return true;
}

export function documentCommands(
  app: AppStore,
  storage: KeyValueStorage,
  parse: ParseText,
): DocumentCommands {
  return {
    openLink(hash) {
      if (!hasScenarioLink(hash)) return false;
      const link = decodeScenarioLink(hash, REGISTRY);
      if (!link.ok) {
        app.getState().notify('error', link.error);
        return false;
      }
      return openOver(
        app,
        link.scenario,
        'link',
        `Opened the shared scenario “${link.scenario.meta.title}”`,
      );
    },
    openRecent(entry) {
      const parsed = parse(entry.text);
      if (!parsed.ok) {
        forgetRecent(app, storage, entry.text);
        app
          .getState()
          .notify(
            'error',
            `“${entry.title}” no longer opens (${parsed.errors[0] ?? 'invalid'}); it was removed from Recent.`,
          );
        return;
      }
      openOver(app, parsed.scenario, 'recent', `Opened “${entry.title}” from Recent`);
    },
    newScenario() {
      openOver(app, blankScenario(REGISTRY), 'new', 'Started a new scenario');
    },
  };
}
