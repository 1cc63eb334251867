import type { SimScenario } from '../engine/index.ts';
import type { AppStore } from './app-store.ts';
import type { KeyValueStorage } from './persistence.ts';

export const RECENT_KEY = 'faultline.recent';
/** Documents kept: enough to undo a morning of opened links, small enough for storage. */
export const MAX_RECENT = 6;

/** A document the person had open before another replaced it. */
export interface RecentDocument {
  title: string;
  /** When it was replaced (ms since the epoch). */
  savedAtMs: number;
  /** The document as exported. */
  text: string;
}

function isRecent(value: unknown): value is RecentDocument {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r['title'] === 'string' &&
    typeof r['savedAtMs'] === 'number' &&
    Number.isFinite(r['savedAtMs']) &&
    typeof r['text'] === 'string'
  );
}

/**
 * The stored list, newest first. Entries are checked for shape only: each document is
 * validated when it is opened (parsing them all would slow the first load).
 */
export function readRecent(storage: KeyValueStorage): RecentDocument[] {
  let raw: string | null;
  try {
    raw = storage.getItem(RECENT_KEY);
  } catch {
    return []; // storage disabled: nothing remembered
  }
  if (raw === null) return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.filter(isRecent).slice(0, MAX_RECENT);
}

/** `entry` first, the same document further down dropped, at most MAX_RECENT kept. */
export function withRecent(
  list: readonly RecentDocument[],
  entry: RecentDocument,
): RecentDocument[] {
  return [entry, ...list.filter((r) => r.text !== entry.text)].slice(0, MAX_RECENT);
}

export interface RecentOptions {
  storage: KeyValueStorage;
  serialize: (s: SimScenario) => string;
  now: () => number;
  /** A document not worth remembering (the untouched default or an empty page). */
  isPristine: (text: string) => boolean;
}

/**
 * Remembers every document another one replaces (a link, an import, a built-in, a new
 * scenario, a recent one): the work stays recoverable after a reload, not only one Undo away.
 * Keeps the list in the app store (`recent`) and in storage. Returns a stop function.
 */
export function startRecentDocuments(app: AppStore, o: RecentOptions): () => void {
  app.getState().setRecent(readRecent(o.storage));
  return app.subscribe((state, prev) => {
    if (state.loadSeq === prev.loadSeq) return;
    const text = o.serialize(prev.scenario);
    if (o.isPristine(text) || text === o.serialize(state.scenario)) return;
    const list = withRecent(state.recent, {
      title: prev.scenario.meta.title,
      savedAtMs: o.now(),
      text,
    });
    app.getState().setRecent(list);
    try {
      o.storage.setItem(RECENT_KEY, JSON.stringify(list));
    } catch {
      /* storage full or disabled: the list still lasts for this tab */
    }
  });
}

/** Forgets one entry (it no longer opens); returns the list left. */
export function forgetRecent(app: AppStore, storage: KeyValueStorage, text: string): void {
  const list = app.getState().recent.filter((r) => r.text !== text);
  app.getState().setRecent(list);
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    /* as above */
  }
}
