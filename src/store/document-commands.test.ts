import { describe, expect, it } from 'vitest';
import { createInlineHost } from '../host/inline-host.ts';
import { fakeTicker, manualSchedule } from '../host/test-fakes.ts';
import { fakeClock } from '../host/test-scenarios.ts';
import {
  BLANK_TITLE,
  defaultScenario,
  documentText,
  encodeScenarioLink,
  REGISTRY,
} from '../scenario/index.ts';
import type { SimScenario } from '../engine/index.ts';
import { createStores } from './create-stores.ts';
import { AUTOSAVE_KEY, type KeyValueStorage } from './persistence.ts';
import { MAX_RECENT, readRecent, RECENT_KEY, withRecent } from './recent-documents.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data: Record<string, string> = { ...initial };
  const storage: KeyValueStorage & { data: Record<string, string>; full: boolean } = {
    data,
    full: false,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      if (storage.full) throw new Error('QuotaExceededError');
      data[k] = v;
    },
    removeItem: (k) => {
      Reflect.deleteProperty(data, k);
    },
  };
  return storage;
}

/** The page as main.tsx starts it: stores over a storage, with the URL's hash. */
function start(storage: KeyValueStorage, hash = '') {
  const host = createInlineHost({
    now: fakeClock().now,
    ticker: fakeTicker().factory,
    schedule: manualSchedule().schedule,
  });
  return createStores({ host, storage, hash });
}

function titled(title: string, seed = 7): SimScenario {
  const s = defaultScenario(REGISTRY);
  return { ...s, seed, meta: { ...s.meta, title } };
}

const linkTo = (s: SimScenario) => `#${encodeScenarioLink(s)}`;
const infoBanners = (stores: ReturnType<typeof start>) =>
  stores.app
    .getState()
    .banners.filter((b) => b.tone === 'info')
    .map((b) => b.message);

describe('opening a link over someone’s work', () => {
  it('at start-up: the link opens as one undo step, says so, and Recent keeps the work', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: documentText(titled('My workshop')) });
    const stores = start(storage, linkTo(titled('Shared breaker demo', 99)));
    const app = stores.app;
    expect(app.getState().scenario.meta.title).toBe('Shared breaker demo');
    expect(app.getState().source).toBe('link');
    expect(infoBanners(stores).join(' ')).toMatch(
      /Opened the shared scenario “Shared breaker demo”.*Undo.*“My workshop”.*Recent/,
    );
    expect(app.getState().recent.map((r) => r.title)).toEqual(['My workshop']);
    // Undoing the open swaps the whole document: a load (the run restarts, the canvas frames it).
    const loads = app.getState().loadSeq;
    app.getState().undo();
    expect(app.getState().scenario.meta.title).toBe('My workshop');
    expect(app.getState().loadSeq).toBe(loads + 1);
    app.getState().redo();
    expect(app.getState().loadSeq).toBe(loads + 2);
    stores.dispose();
  });

  it('after a reload the replaced work is still in Recent and opens again', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: documentText(titled('My workshop')) });
    start(storage, linkTo(titled('Shared', 99))).dispose();
    // Reload: the autosave is now the link's document; the old work is under Recent.
    const again = start(storage);
    expect(again.app.getState().scenario.meta.title).toBe('Shared');
    const entry = again.app.getState().recent[0];
    if (!entry) throw new Error('nothing in Recent');
    expect(entry.title).toBe('My workshop');
    again.documents.openRecent(entry);
    expect(again.app.getState().scenario.meta.title).toBe('My workshop');
    expect(again.app.getState().recent.map((r) => r.title)).toEqual(['Shared', 'My workshop']);
    again.dispose();
  });

  it('a link pasted into a running tab is undoable too', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: documentText(titled('Mine')) });
    const stores = start(storage);
    expect(stores.documents.openLink(linkTo(titled('Pasted', 5)))).toBe(true);
    expect(stores.app.getState().scenario.meta.title).toBe('Pasted');
    stores.app.getState().undo();
    expect(stores.app.getState().scenario.meta.title).toBe('Mine');
    stores.dispose();
  });

  it('a broken link changes nothing and says why', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: documentText(titled('Mine')) });
    const stores = start(storage, '#s=1.%%%');
    expect(stores.app.getState().scenario.meta.title).toBe('Mine');
    expect(stores.app.getState().history.past).toHaveLength(0);
    expect(stores.app.getState().banners.some((b) => b.tone === 'error')).toBe(true);
    expect(stores.app.getState().recent).toEqual([]);
    stores.dispose();
  });

  it('the untouched default is not worth a place in Recent; the same document is not reopened', () => {
    const stores = start(memoryStorage(), linkTo(titled('Shared')));
    expect(stores.app.getState().recent).toEqual([]);
    expect(infoBanners(stores).join(' ')).not.toMatch(/Recent/);
    const before = stores.app.getState().history.past.length;
    stores.documents.openLink(linkTo(titled('Shared')));
    expect(stores.app.getState().history.past).toHaveLength(before);
    expect(infoBanners(stores).at(-1)).toMatch(/already open/);
    stores.dispose();
  });
});

describe('New scenario', () => {
  it('opens an empty canvas with a fresh title and duration; Undo brings the work back', () => {
    const mine = { ...titled('Mine'), durationMs: 45_000 };
    const stores = start(memoryStorage({ [AUTOSAVE_KEY]: documentText(mine) }));
    stores.documents.newScenario();
    const s = stores.app.getState().scenario;
    expect(s.meta.title).toBe(BLANK_TITLE);
    expect(s.nodes).toEqual([]);
    expect(s.faults).toEqual([]);
    expect(s.durationMs).toBe(300_000);
    expect(stores.app.getState().recent[0]?.title).toBe('Mine');
    stores.app.getState().undo();
    expect(stores.app.getState().scenario.durationMs).toBe(45_000);
    stores.dispose();
  });
});

describe('the Recent list', () => {
  it('keeps the newest first, without duplicates, at most MAX_RECENT', () => {
    let list = withRecent([], { title: 'a', savedAtMs: 1, text: 'A' });
    for (let i = 0; i < 10; i++)
      list = withRecent(list, { title: `t${i}`, savedAtMs: i, text: `${i}` });
    list = withRecent(list, { title: 'again', savedAtMs: 99, text: '8' });
    expect(list).toHaveLength(MAX_RECENT);
    expect(list.map((r) => r.text)).toEqual(['8', '9', '7', '6', '5', '4']);
  });

  it('reads back only well-formed entries, and survives garbage', () => {
    const ok = { title: 'x', savedAtMs: 1, text: '{}' };
    expect(
      readRecent(memoryStorage({ [RECENT_KEY]: JSON.stringify([ok, { title: 1 }, null]) })),
    ).toEqual([ok]);
    expect(readRecent(memoryStorage({ [RECENT_KEY]: '{ not json' }))).toEqual([]);
    expect(readRecent(memoryStorage({ [RECENT_KEY]: '"x"' }))).toEqual([]);
  });

  it('an entry that no longer opens is removed with a message; the canvas stays', () => {
    const storage = memoryStorage({
      [AUTOSAVE_KEY]: documentText(titled('Mine')),
      [RECENT_KEY]: JSON.stringify([{ title: 'Old', savedAtMs: 1, text: '{ broken' }]),
    });
    const stores = start(storage);
    const entry = stores.app.getState().recent[0];
    if (!entry) throw new Error('nothing in Recent');
    stores.documents.openRecent(entry);
    expect(stores.app.getState().scenario.meta.title).toBe('Mine');
    expect(stores.app.getState().recent).toEqual([]);
    expect(JSON.parse(storage.data[RECENT_KEY] ?? '')).toEqual([]);
    expect(stores.app.getState().banners.at(-1)?.message).toMatch(/“Old” no longer opens/);
    stores.dispose();
  });

  it('a full storage keeps the list for the tab', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: documentText(titled('Mine')) });
    const stores = start(storage);
    storage.full = true;
    stores.documents.newScenario();
    expect(stores.app.getState().recent[0]?.title).toBe('Mine');
    stores.dispose();
  });
});
