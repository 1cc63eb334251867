import { useEffect } from 'react';
import { useCanvasActions } from '../canvas/index.ts';
import { useRun, useStores } from '../store/index.ts';
import { commandFor, isTypingTarget, keyBelongsToFocus } from './shortcuts.ts';

/** One window-level key handler for the app's shortcuts. */
export function useShortcuts(onHelp: () => void): void {
  const { app } = useStores();
  const run = useRun();
  const canvas = useCanvasActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      // A focused button, link, field or canvas node does its own thing with Space / Enter.
      if (keyBelongsToFocus(e.key, e.target)) return;
      const command = commandFor(e);
      if (!command) return;
      e.preventDefault();
      const s = app.getState();
      switch (command) {
        case 'toggle-play':
          return run.togglePlay();
        case 'step':
          return run.step();
        case 'undo':
          return s.undo();
        case 'redo':
          return s.redo();
        case 'copy':
          return s.copySelection();
        case 'paste':
          return s.paste();
        case 'duplicate':
          return s.duplicateSelection();
        case 'fit':
          return canvas.fitView();
        case 'help':
          return onHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app, run, canvas, onHelp]);
}
