import { useEffect, useMemo, useRef, useState } from 'react';
import { BUILTINS, type BuiltinScenario, type BuiltinVariant } from '../scenario/index.ts';
import { useStores } from '../store/index.ts';
import { filterBuiltins } from './catalogue-filter.ts';
import './catalogue.css';

/**
 * The built-in catalogue: every pattern scenario, with what it shows and what to watch, each
 * opened in one click — with the pattern, or without it for the comparison. Opening is one
 * undo step, so the person's own scenario is never lost.
 */
export function CatalogueDialog({ onClose }: { onClose(): void }) {
  const { app } = useStores();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterBuiltins(BUILTINS, query), [query]);

  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);

  const open = (b: BuiltinScenario, variant: BuiltinVariant) => {
    const r = app.getState().open(b.build(variant), 'builtin');
    if (r.ok) {
      // It opens on its lesson: the watched node(s) selected, so the charts are scoped to them.
      app.getState().select(b.watch.nodes, []);
      const what = variant === 'with' ? `“${b.title}”` : `“${b.title}” without the pattern`;
      app
        .getState()
        .notify('info', `Opened ${what}. Undo (Ctrl+Z) brings back your previous scenario.`);
    } else {
      app.getState().notify('error', `“${b.title}” could not be opened: ${r.errors[0] ?? ''}`);
    }
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="dialog catalogue"
      onClose={onClose}
      aria-labelledby="catalogue-title"
      data-testid="catalogue-dialog"
    >
      <h2 id="catalogue-title">Pattern catalogue</h2>
      <p>
        Each scenario shows one pattern at work against an injected fault. Open it, press Play and
        watch; then open it <em>without</em> the pattern (same seed, same traffic) to compare.
      </p>
      <input
        className="dialog__link"
        type="search"
        placeholder="Search by name, pattern (R1) or word"
        aria-label="Search the catalogue"
        data-testid="catalogue-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="catalogue__list" data-testid="catalogue-list">
        {shown.map((b) => (
          <li key={b.id} className="catalogue__item" data-testid={`catalogue-item-${b.id}`}>
            <div className="catalogue__head">
              <h3 className="catalogue__title">{b.title}</h3>
              {b.patterns.map((p) => (
                <span key={p} className="catalogue__tag">
                  {p}
                </span>
              ))}
            </div>
            <p className="catalogue__description">{b.description}</p>
            <div className="catalogue__actions">
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => open(b, 'with')}
                aria-label={`Open ${b.title}`}
                data-testid={`catalogue-open-${b.id}`}
              >
                Open
              </button>
              {b.variants.includes('without') && (
                <button
                  type="button"
                  className="btn"
                  onClick={() => open(b, 'without')}
                  aria-label={`Open ${b.title} without the pattern`}
                  data-testid={`catalogue-open-${b.id}-without`}
                >
                  Without the pattern
                </button>
              )}
            </div>
          </li>
        ))}
        {shown.length === 0 && (
          <li className="catalogue__empty" data-testid="catalogue-empty">
            No scenario matches “{query}”.
          </li>
        )}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="btn" onClick={onClose} data-testid="close-catalogue">
          Close
        </button>
      </div>
    </dialog>
  );
}
