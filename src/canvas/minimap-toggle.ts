import { useCallback, useState } from 'react';

export const MINIMAP_KEY = 'faultline.minimap';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** Whether the minimap was switched on; off by default (at 1280×720 it covers nodes). */
export function readMinimapShown(store: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return store?.getItem(MINIMAP_KEY) === 'on';
  } catch {
    return false;
  }
}

/** The minimap's switch, remembered across reloads. */
export function useMinimapToggle(): [shown: boolean, toggle: () => void] {
  const [shown, setShown] = useState(() => readMinimapShown(storage()));
  const toggle = useCallback(() => {
    setShown((on) => {
      try {
        storage()?.setItem(MINIMAP_KEY, on ? 'off' : 'on');
      } catch {
        /* storage disabled: the choice lasts for this tab */
      }
      return !on;
    });
  }, []);
  return [shown, toggle];
}
