import { useCallback, useState } from 'react';
import { CanvasProvider, FlowCanvas, Palette } from '../canvas/index.ts';
import { StoresProvider, type Stores } from '../store/index.ts';
import { AppHeader } from './app-header.tsx';
import { Banners } from './banners.tsx';
import { BottomPanel } from './bottom-panel.tsx';
import { InspectorPanel } from './inspector-panel.tsx';
import { RunToolbar } from './run-toolbar.tsx';
import { LazyDialog, shortcutsDialog } from './lazy-dialogs.tsx';
import { StatusBar } from './status-bar.tsx';
import { useShortcuts } from './use-shortcuts.ts';

function Shell() {
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const closeHelp = useCallback(() => setHelp(false), []);
  useShortcuts(openHelp);
  return (
    <div className="app-shell" data-testid="app-shell">
      <AppHeader onHelp={openHelp} />
      <RunToolbar />
      <aside className="app-shell__palette" aria-label="Components">
        <Palette />
      </aside>
      <main className="app-shell__main" aria-label="Simulator">
        <Banners />
        <div className="app-shell__canvas">
          <FlowCanvas />
        </div>
        <BottomPanel />
      </main>
      <InspectorPanel />
      <StatusBar />
      {help && <LazyDialog part={shortcutsDialog} what="The shortcuts list" onClose={closeHelp} />}
    </div>
  );
}

/** The page: header, run toolbar, palette | canvas + results | inspector, status bar. */
export function AppShell({ stores }: { stores: Stores }) {
  return (
    <StoresProvider stores={stores}>
      <CanvasProvider>
        <Shell />
      </CanvasProvider>
    </StoresProvider>
  );
}
