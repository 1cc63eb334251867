import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { useCanvasActions } from '../canvas/index.ts';
import { documentText } from '../scenario/index.ts';
import { parseScenarioFile, useApp, useStores } from '../store/index.ts';
import { catalogueDialog, LazyDialog, shareDialog, shortcutsDialog } from './lazy-dialogs.tsx';
import { RecentMenu } from './recent-menu.tsx';

/** File name for an exported scenario: its title, made safe for file systems. */
export function exportFileName(title: string): string {
  const base = title
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'scenario'}.faultline.json`;
}

/** New, recent, patterns, undo/redo, layout, share, export and import: the document's commands. */
export function DocumentActions({ onHelp }: { onHelp(): void }) {
  const { app, documents } = useStores();
  const canvas = useCanvasActions();
  const canUndo = useApp((s) => s.history.past.length > 0);
  const canRedo = useApp((s) => s.history.future.length > 0);
  const [sharing, setSharing] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const closeShare = useCallback(() => setSharing(false), []);
  const closeCatalogue = useCallback(() => setBrowsing(false), []);

  const exportJson = () => {
    const scenario = app.getState().scenario;
    const blob = new Blob([documentText(scenario)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(scenario.meta.title);
    a.click();
    URL.revokeObjectURL(url);
  };

  const importJson = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again must fire again
    if (!file) return;
    const parsed = parseScenarioFile(await file.text());
    if (!parsed.ok) {
      const more = parsed.errors.length > 3 ? ` (and ${parsed.errors.length - 3} more)` : '';
      app
        .getState()
        .notify(
          'error',
          `“${file.name}” was not imported: ${parsed.errors.slice(0, 3).join('; ')}${more}`,
        );
      return;
    }
    // One undo step: Undo brings back the scenario the file replaced.
    const opened = app.getState().open(parsed.scenario, 'file');
    if (!opened.ok) {
      app.getState().notify('error', `“${file.name}” was not imported: ${opened.errors[0] ?? ''}`);
      return;
    }
    app
      .getState()
      .notify('info', `Imported “${file.name}”. Undo (Ctrl+Z) brings back the previous scenario.`);
  };

  return (
    <div className="doc-actions" role="toolbar" aria-label="Document">
      <button
        type="button"
        className="btn"
        onClick={() => documents.newScenario()}
        aria-label="New scenario"
        title="Start an empty scenario (Undo brings this one back)"
        data-testid="new-scenario"
      >
        New
      </button>
      <RecentMenu />
      <button
        type="button"
        className="btn"
        onClick={() => setBrowsing(true)}
        onPointerEnter={catalogueDialog.preload}
        onFocus={catalogueDialog.preload}
        aria-label="Pattern catalogue"
        title="Open a built-in pattern scenario"
        data-testid="catalogue"
      >
        Patterns
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => app.getState().undo()}
        disabled={!canUndo}
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
        data-testid="undo"
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => app.getState().redo()}
        disabled={!canRedo}
        aria-label="Redo"
        title="Redo (Shift+Ctrl+Z)"
        data-testid="redo"
      >
        ↷ Redo
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void canvas.autoLayout()}
        aria-label="Auto-layout"
        title="Arrange left to right"
        data-testid="auto-layout"
      >
        Auto-layout
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => canvas.fitView()}
        aria-label="Fit view"
        data-testid="fit-view"
      >
        Fit
      </button>
      <span className="doc-actions__sep" aria-hidden="true" />
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => setSharing(true)}
        onPointerEnter={shareDialog.preload}
        onFocus={shareDialog.preload}
        aria-label="Share a link"
        data-testid="share"
      >
        Share
      </button>
      <button
        type="button"
        className="btn"
        onClick={exportJson}
        aria-label="Export JSON"
        data-testid="export"
      >
        Export
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => fileInput.current?.click()}
        aria-label="Import JSON"
        data-testid="import"
      >
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(e) => void importJson(e)}
        data-testid="import-file"
        aria-label="Scenario file to import"
      />
      <button
        type="button"
        className="btn btn--icon"
        onClick={onHelp}
        onPointerEnter={shortcutsDialog.preload}
        onFocus={shortcutsDialog.preload}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        data-testid="help"
      >
        ?
      </button>
      {sharing && <LazyDialog part={shareDialog} what="The share dialog" onClose={closeShare} />}
      {browsing && (
        <LazyDialog part={catalogueDialog} what="The pattern catalogue" onClose={closeCatalogue} />
      )}
    </div>
  );
}
