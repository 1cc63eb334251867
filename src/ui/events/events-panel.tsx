import { EventLog } from './event-log.tsx';
import { WaterfallPanel } from './waterfall-panel.tsx';

/** The "Events & waterfall" tab: the event log beside the request waterfall. */
export function EventsPanel() {
  return (
    <div className="bottom-panel__events">
      <EventLog />
      <WaterfallPanel />
    </div>
  );
}
