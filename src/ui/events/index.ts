// Public API of the event log and request waterfalls.
export { EventLog } from './event-log.tsx';
export { WaterfallPanel } from './waterfall-panel.tsx';
