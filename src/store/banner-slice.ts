import type { AppSlice } from './app-types.ts';

export interface Banner {
  id: number;
  tone: 'error' | 'info';
  message: string;
}

/** Messages for the person: banners above the canvas, and the last refused connection. */
export interface BannerSlice {
  /** At most one info banner (the newest), after the errors still standing. */
  banners: readonly Banner[];
  /** Last refused connection, shown next to the canvas. */
  connectionHint: string | null;
  /** An info banner replaces the one before and goes after INFO_BANNER_MS; errors stay. */
  notify(tone: Banner['tone'], message: string): void;
  dismissBanner(id: number): void;
  /**
   * Holds an info banner while the pointer is over it or focus is in it (it is being read);
   * released, it gets a full INFO_BANNER_MS again.
   */
  holdBanner(id: number, held: boolean): void;
  clearConnectionHint(): void;
}

/** How long an info banner stays: long enough to read two lines on a projector. */
export const INFO_BANNER_MS = 6000;
/** Errors stay until dismissed; at most this many at once (the oldest gives way). */
export const MAX_ERROR_BANNERS = 3;
let bannerSeq = 0;

export const bannerSlice: AppSlice<BannerSlice> = (set, get) => {
  // The info banner's pending dismissal (one at most: there is one info banner at most).
  let timer: { id: number; handle: ReturnType<typeof setTimeout> } | null = null;

  function stopTimer(): void {
    if (timer) clearTimeout(timer.handle);
    timer = null;
  }

  function startTimer(id: number): void {
    stopTimer();
    timer = { id, handle: setTimeout(() => get().dismissBanner(id), INFO_BANNER_MS) };
  }

  return {
    banners: [],
    connectionHint: null,
    notify(tone, message) {
      const banner: Banner = { id: ++bannerSeq, tone, message };
      set((s) => {
        const errors = s.banners.filter((b) => b.tone === 'error');
        const info = s.banners.find((b) => b.tone === 'info');
        return {
          banners:
            tone === 'info'
              ? [...errors, banner]
              : [...[...errors, banner].slice(-MAX_ERROR_BANNERS), ...(info ? [info] : [])],
        };
      });
      if (tone === 'info') startTimer(banner.id);
    },
    dismissBanner(id) {
      if (timer?.id === id) stopTimer();
      if (!get().banners.some((b) => b.id === id)) return;
      set((s) => ({ banners: s.banners.filter((b) => b.id !== id) }));
    },
    holdBanner(id, held) {
      const banner = get().banners.find((b) => b.id === id);
      if (banner?.tone !== 'info') return;
      if (held) {
        if (timer?.id === id) stopTimer();
      } else startTimer(id);
    },
    clearConnectionHint() {
      if (get().connectionHint) set({ connectionHint: null });
    },
  };
};
