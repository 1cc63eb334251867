import type { AppSlice } from './app-types.ts';
import type { RecentDocument } from './recent-documents.ts';

/** Documents the person had open before others replaced them (see recent-documents.ts). */
export interface RecentSlice {
  recent: readonly RecentDocument[];
  setRecent(list: readonly RecentDocument[]): void;
}

export const recentSlice: AppSlice<RecentSlice> = (set) => ({
  recent: [],
  setRecent(list) {
    set({ recent: list });
  },
});
