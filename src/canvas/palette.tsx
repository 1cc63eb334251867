import { useReactFlow } from '@xyflow/react';
import { useMemo, useState, type DragEvent } from 'react';
import {
  CATEGORY_LABELS,
  CATEGORY_ORDER,
  KIND_CATALOG,
  useStores,
  type KindInfo,
} from '../store/index.ts';
import { addNodeOfKind } from './flow-canvas.tsx';
import { KindIcon } from './kind-icon.tsx';
import { PALETTE_MIME } from './palette-drag.ts';

function matches(k: KindInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [k.kind, k.label, k.description, CATEGORY_LABELS[k.category]].some((t) =>
    t.toLowerCase().includes(q),
  );
}

/** Every registered component kind, by category, with search; click or drag to add. */
export function Palette() {
  const { app } = useStores();
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () =>
      CATEGORY_ORDER.map((category) => ({
        category,
        kinds: KIND_CATALOG.filter((k) => k.category === category && matches(k, query)),
      })).filter((g) => g.kinds.length > 0),
    [query],
  );

  const addAtCentre = (kind: string) => {
    const pane = document.querySelector('.flow-canvas')?.getBoundingClientRect();
    const centre = pane
      ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    // Nudge each new node so repeated clicks do not stack them exactly.
    const n = app.getState().scenario.nodes.length % 6;
    addNodeOfKind(app, kind, {
      x: Math.round(centre.x - 90 + n * 24),
      y: Math.round(centre.y - 40 + n * 24),
    });
  };

  const addContext = () => {
    const pane = document.querySelector('.flow-canvas')?.getBoundingClientRect();
    const centre = pane
      ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    const n = app.getState().scenario.groups.length + 1;
    app
      .getState()
      .addGroup(
        `Context ${n}`,
        { x: Math.round(centre.x - 230), y: Math.round(centre.y - 150) },
        460,
        300,
      );
  };

  const onDragStart = (event: DragEvent, kind: string) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Component palette" data-testid="palette">
      <input
        className="palette__search"
        type="search"
        placeholder="Search components"
        aria-label="Search components"
        data-testid="palette-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.length === 0 && !matchesContext(query) && (
        <p className="palette__none">No component matches “{query}”.</p>
      )}
      {groups.map((g) => (
        <section
          key={g.category}
          className="palette__group"
          aria-label={CATEGORY_LABELS[g.category]}
        >
          <h3 className="palette__heading">{CATEGORY_LABELS[g.category]}</h3>
          <ul>
            {g.kinds.map((k) => (
              <li key={k.kind}>
                <button
                  type="button"
                  className={`palette__item palette__item--${k.category}`}
                  draggable
                  onDragStart={(e) => onDragStart(e, k.kind)}
                  onClick={() => addAtCentre(k.kind)}
                  title={k.description}
                  aria-label={`Add ${k.label}`}
                  data-testid={`palette-${k.kind}`}
                >
                  <KindIcon category={k.category} />
                  <span>{k.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {matchesContext(query) && (
        <section className="palette__group" aria-label="Structure">
          <h3 className="palette__heading">Structure</h3>
          <ul>
            <li>
              <button
                type="button"
                className="palette__item palette__item--structure"
                onClick={addContext}
                title="A labelled region for a bounded context (domain-driven design); drag it and the components inside move with it."
                aria-label="Add Bounded context"
                data-testid="palette-context"
              >
                <svg
                  className="kind-icon"
                  width={18}
                  height={18}
                  viewBox="0 0 24 24"
                  aria-hidden="true"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={1.8}
                  strokeDasharray="3 2"
                >
                  <rect x="3" y="4" width="18" height="16" rx="2" />
                </svg>
                <span>Bounded context</span>
              </button>
            </li>
          </ul>
        </section>
      )}
    </nav>
  );
}

function matchesContext(query: string): boolean {
  const q = query.trim().toLowerCase();
  return (
    !q ||
    ['bounded context', 'group', 'structure', 'domain'].some((t) => t.includes(q) || q.includes(t))
  );
}
