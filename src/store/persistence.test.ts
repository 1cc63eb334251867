import { describe, expect, it } from 'vitest';
import { documentText, defaultScenario, REGISTRY } from '../scenario/index.ts';
import { parseScenarioFile } from './create-stores.ts';
import {
  AUTOSAVE_KEY,
  BROKEN_AUTOSAVE_KEY,
  restoreAutosave,
  type KeyValueStorage,
} from './persistence.ts';

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      Reflect.deleteProperty(data, k);
    },
  };
}

describe('autosave restore', () => {
  it('restores a saved scenario', () => {
    const text = documentText(defaultScenario(REGISTRY));
    const r = restoreAutosave(memoryStorage({ [AUTOSAVE_KEY]: text }), parseScenarioFile);
    expect(r.kind).toBe('restored');
  });

  it('sets an unreadable autosave aside instead of deleting it, and explains', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: '{ broken' });
    const r = restoreAutosave(storage, parseScenarioFile);
    expect(r.kind).toBe('unreadable');
    expect(storage.data[BROKEN_AUTOSAVE_KEY]).toBe('{ broken');
    expect(storage.data[AUTOSAVE_KEY]).toBeUndefined();
  });

  it('treats a browser without storage as nothing to restore', () => {
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(restoreAutosave(throwing, parseScenarioFile)).toEqual({ kind: 'none' });
  });
});
