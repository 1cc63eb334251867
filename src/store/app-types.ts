import type { StateCreator } from 'zustand/vanilla';
import type { SimScenario } from '../scenario/index.ts';
import type { BannerSlice } from './banner-slice.ts';
import type { DocumentSlice } from './document-slice.ts';
import type { RecentSlice } from './recent-slice.ts';
import type { SelectionSlice } from './selection-slice.ts';

/** Outcome of an edit: applied, or refused with messages naming the fields. */
export type EditResult = { ok: true } | { ok: false; errors: string[] };

export type Validator = (
  s: SimScenario,
) => { ok: true; scenario: SimScenario } | { ok: false; errors: string[] };

export type ConnectionRule = (
  s: SimScenario,
  source: string,
  target: string,
) => { ok: true } | { ok: false; reason: string };

/** The app store's whole state: its slices side by side. */
export type AppState = DocumentSlice & SelectionSlice & BannerSlice & RecentSlice;

/** One slice of the app store; it sees (and may call into) the whole state. */
export type AppSlice<T> = StateCreator<AppState, [], [], T>;
