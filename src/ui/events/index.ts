// Public API of the event log and request waterfalls.
export { EventLog } from './event-log.tsx';
export { RequestWaterfall } from './waterfall.tsx';
export { WaterfallPanel } from './waterfall-panel.tsx';
export { useRequestFocus, type RequestFocus } from './request-focus.ts';
