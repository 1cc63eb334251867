import { CanvasProvider, FlowCanvas } from '../canvas/index.ts';
import { AppHeader } from './app-header.tsx';
import { InspectorPanel } from './inspector-panel.tsx';
import { StatusBar } from './status-bar.tsx';

/** The page layout: header, canvas with the inspector beside it, status bar. */
export function AppShell() {
  return (
    <CanvasProvider>
      <div className="app-shell" data-testid="app-shell">
        <AppHeader />
        <main className="app-shell__main" aria-label="Simulator">
          <FlowCanvas />
        </main>
        <InspectorPanel />
        <StatusBar />
      </div>
    </CanvasProvider>
  );
}
