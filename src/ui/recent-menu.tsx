import { useEffect, useRef, useState } from 'react';
import { useApp, useStores, type RecentDocument } from '../store/index.ts';

const TIME = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "Dec 7, 14:32": when the document was replaced. */
export function recentWhen(entry: RecentDocument): string {
  return TIME.format(new Date(entry.savedAtMs));
}

/** The documents replaced by a link, an import, a built-in or New: one click reopens them. */
export function RecentMenu() {
  const { documents } = useStores();
  const recent = useApp((s) => s.recent);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (
        e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="recent-menu" ref={root}>
      <button
        type="button"
        className="btn"
        onClick={() => setOpen((o) => !o)}
        disabled={recent.length === 0}
        aria-haspopup="menu"
        aria-expanded={open}
        title={recent.length === 0 ? 'Documents you replace appear here' : 'Reopen earlier work'}
        data-testid="recent"
      >
        Recent ▾
      </button>
      {open && (
        <ul className="recent-menu__list" role="menu" aria-label="Recent documents">
          {recent.map((entry) => (
            <li key={`${entry.savedAtMs}-${entry.title}`} role="none">
              <button
                type="button"
                role="menuitem"
                className="recent-menu__item"
                onClick={() => {
                  setOpen(false);
                  documents.openRecent(entry);
                }}
                data-testid="recent-item"
              >
                <span className="recent-menu__title">{entry.title}</span>
                <span className="recent-menu__when">{recentWhen(entry)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
