import { useState } from 'react';
import { ChartsPanel, SummaryTable } from '../charts/index.ts';
import { EventLog, WaterfallPanel } from './events/index.ts';
import { FaultTimeline } from './timeline/index.ts';

type Tab = 'charts' | 'events' | 'summary';
const TABS: { id: Tab; label: string }[] = [
  { id: 'charts', label: 'Charts & faults' },
  { id: 'events', label: 'Events & waterfall' },
  { id: 'summary', label: 'Summary' },
];

/** Charts with the fault timeline, the event log with a request waterfall, and the summary. */
export function BottomPanel() {
  const [tab, setTab] = useState<Tab>('charts');
  return (
    <section className="bottom-panel" aria-label="Results" data-testid="bottom-panel">
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
            <ChartsPanel />
            <FaultTimeline />
          </div>
        )}
        {tab === 'events' && (
          <div className="bottom-panel__events">
            <EventLog />
            <WaterfallPanel />
          </div>
        )}
        {tab === 'summary' && <SummaryTable />}
      </div>
    </section>
  );
}
