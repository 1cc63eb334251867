import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './app-types.ts';
import { bannerSlice } from './banner-slice.ts';
import { documentSlice, type DocumentDeps } from './document-slice.ts';
import { recentSlice } from './recent-slice.ts';
import { selectionSlice } from './selection-slice.ts';

export type { AppState, ConnectionRule, EditResult, Validator } from './app-types.ts';
export type { Banner } from './banner-slice.ts';
export type { ScenarioSource } from './document-slice.ts';

export type AppStoreDeps = DocumentDeps;
export type AppStore = StoreApi<AppState>;

/**
 * The app store, built from slices: the document with its history, the selection with the
 * clipboard, the messages for the person (banners, the last refused connection) and the
 * documents opened before this one.
 */
export function createAppStore(deps: AppStoreDeps): AppStore {
  return createStore<AppState>()((...a) => ({
    ...documentSlice(deps)(...a),
    ...selectionSlice(...a),
    ...bannerSlice(...a),
    ...recentSlice(...a),
  }));
}
