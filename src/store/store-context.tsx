import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store.ts';
import type { DocumentCommands } from './document-commands.ts';
import type { RunController } from './run-controller.ts';
import type { TelemetryState, TelemetryStore } from './telemetry-store.ts';

export interface Stores {
  app: AppStore;
  telemetry: TelemetryStore;
  run: RunController;
  /** Open a link, a recent document or a new scenario over the current one. */
  documents: DocumentCommands;
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores outside <StoresProvider>');
  return stores;
}

/** Narrow subscription to the app store: re-renders only when the selected value changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useStores().app, selector);
}

/** Narrow subscription to the live telemetry. */
export function useTelemetry<T>(selector: (s: TelemetryState) => T): T {
  return useStore(useStores().telemetry, selector);
}

export function useRun(): RunController {
  return useStores().run;
}
