import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStores, type TelemetryStore } from '../../store/index.ts';

/** Which request the waterfall shows: `null` follows the latest sampled request. */
export interface RequestFocus {
  requestId: number | null;
  focus(requestId: number | null): void;
}

// One focus per set of stores, shared by the event log and the waterfall panel without a
// provider; it goes away with the stores.
const focusByStores = new WeakMap<TelemetryStore, StoreApi<RequestFocus>>();

function focusStoreFor(telemetry: TelemetryStore): StoreApi<RequestFocus> {
  let store = focusByStores.get(telemetry);
  if (!store) {
    store = createStore<RequestFocus>()((set) => ({
      requestId: null,
      focus: (requestId) => set({ requestId }),
    }));
    focusByStores.set(telemetry, store);
  }
  return store;
}

export function useRequestFocus<T>(selector: (s: RequestFocus) => T): T {
  return useStore(focusStoreFor(useStores().telemetry), selector);
}
