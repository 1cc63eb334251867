import { useState } from 'react';
import { ChartsPanel, loadChartGrid, SummaryTable } from '../charts/index.ts';
import { PanelResizer, useResultsHeight } from './panel-resizer.tsx';
import { lazyPart, LoadBoundary } from './primitives/lazy-part.tsx';
import { usePreloadWhenIdle } from './primitives/use-preload-when-idle.ts';
import { FaultTimeline } from './timeline/index.ts';

type Tab = 'charts' | 'events' | 'summary';
const TABS: { id: Tab; label: string }[] = [
  { id: 'charts', label: 'Charts & faults' },
  { id: 'events', label: 'Events & waterfall' },
  { id: 'summary', label: 'Summary' },
];

// Loaded on demand, so the first screen does not wait for Recharts or the event log.
const chartGrid = lazyPart(loadChartGrid);
const eventsPanel = lazyPart(() => import('./events/index.ts').then((m) => m.EventsPanel));

const EVENTS_PENDING = (
  <div className="bottom-panel__events" aria-busy="true" data-testid="events-loading" />
);

/**
 * Charts with the fault timeline, the event log with a request waterfall, and the summary;
 * resizable on its top edge.
 */
export function BottomPanel() {
  const [tab, setTab] = useState<Tab>('charts');
  usePreloadWhenIdle(chartGrid.preload);
  const { attach, heightPx, set: setHeight } = useResultsHeight();
  return (
    <section
      ref={attach}
      className="bottom-panel"
      style={{ height: heightPx }}
      aria-label="Results"
      data-testid="bottom-panel"
    >
      <PanelResizer heightPx={heightPx} onResize={setHeight} />
      <div className="bottom-panel__tabs" role="tablist" aria-label="Results views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className="bottom-panel__tab"
            onClick={() => setTab(t.id)}
            onPointerEnter={t.id === 'events' ? eventsPanel.preload : undefined}
            onFocus={t.id === 'events' ? eventsPanel.preload : undefined}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        className="bottom-panel__body"
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
      >
        {tab === 'charts' && (
          <div className="bottom-panel__charts">
            <LoadBoundary what="The charts" fallback={null}>
              <ChartsPanel Grid={chartGrid.Component} />
            </LoadBoundary>
            <FaultTimeline />
          </div>
        )}
        {tab === 'events' && (
          <LoadBoundary what="The event log" fallback={EVENTS_PENDING}>
            <eventsPanel.Component />
          </LoadBoundary>
        )}
        {tab === 'summary' && <SummaryTable />}
      </div>
    </section>
  );
}
