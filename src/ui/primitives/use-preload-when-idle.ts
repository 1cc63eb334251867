import { useEffect } from 'react';

/** Once the page is idle after its first draw, fetch a part's code before someone needs it. */
export function usePreloadWhenIdle(preload: () => void): void {
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const handle = setTimeout(preload, 1000);
      return () => clearTimeout(handle);
    }
    const handle = requestIdleCallback(preload, { timeout: 3000 });
    return () => cancelIdleCallback(handle);
  }, [preload]);
}
