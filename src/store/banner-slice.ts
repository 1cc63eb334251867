import type { AppSlice } from './app-types.ts';

export interface Banner {
  id: number;
  tone: 'error' | 'info';
  message: string;
}

/** Messages for the person: banners above the app, and the last refused connection. */
export interface BannerSlice {
  banners: readonly Banner[];
  /** Last refused connection, shown next to the canvas. */
  connectionHint: string | null;
  notify(tone: Banner['tone'], message: string): void;
  dismissBanner(id: number): void;
  clearConnectionHint(): void;
}

/** At most this many banners at once: the oldest gives way. */
const MAX_BANNERS = 4;
let bannerSeq = 0;

export const bannerSlice: AppSlice<BannerSlice> = (set, get) => ({
  banners: [],
  connectionHint: null,
  notify(tone, message) {
    set((s) => ({
      banners: [...s.banners.slice(-(MAX_BANNERS - 1)), { id: ++bannerSeq, tone, message }],
    }));
  },
  dismissBanner(id) {
    set((s) => ({ banners: s.banners.filter((b) => b.id !== id) }));
  },
  clearConnectionHint() {
    if (get().connectionHint) set({ connectionHint: null });
  },
});
