// Public API of the event log and request waterfalls. The app loads it on demand (import()),
// when the "Events & waterfall" tab first opens: nothing else imports it statically.
export { EventsPanel } from './events-panel.tsx';
export { EventLog } from './event-log.tsx';
export { WaterfallPanel } from './waterfall-panel.tsx';
