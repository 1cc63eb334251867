import { useCallback } from 'react';
import { useStores } from '../store/index.ts';
import { lazyPart, LoadBoundary, type LazyPart } from './primitives/lazy-part.tsx';

interface DialogProps {
  onClose(): void;
}

// Each dialog's code (and the catalogue's built-in scenarios) loads when it first opens; the
// buttons that open them preload it when the pointer or focus reaches them.
export const catalogueDialog = lazyPart<DialogProps>(() =>
  import('./catalogue-dialog.tsx').then((m) => m.CatalogueDialog),
);
export const shareDialog = lazyPart<DialogProps>(() =>
  import('./share-dialog.tsx').then((m) => m.ShareDialog),
);
export const shortcutsDialog = lazyPart<DialogProps>(() =>
  import('./shortcuts-dialog.tsx').then((m) => m.ShortcutsDialog),
);

interface LazyDialogProps extends DialogProps {
  part: LazyPart<DialogProps>;
  /** Finishes "… could not be loaded", e.g. "The pattern catalogue". */
  what: string;
}

/** An open dialog whose code may still be loading; if it cannot load, a banner says so. */
export function LazyDialog({ part, what, onClose }: LazyDialogProps) {
  const { app } = useStores();
  const failed = useCallback(
    (message: string) => {
      app.getState().notify('error', message);
      onClose();
    },
    [app, onClose],
  );
  return (
    <LoadBoundary what={what} fallback={null} onFailed={failed}>
      <part.Component onClose={onClose} />
    </LoadBoundary>
  );
}
