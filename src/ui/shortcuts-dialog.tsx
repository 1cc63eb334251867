import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts.ts';
import { StatusLegend } from './status-legend.tsx';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-dialog"
    >
      <h2 id="shortcuts-title">Keyboard shortcuts and status words</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <StatusLegend />
      <div className="dialog__actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={onClose}
          autoFocus
          data-testid="close-shortcuts"
        >
          Close
        </button>
      </div>
    </dialog>
  );
}
