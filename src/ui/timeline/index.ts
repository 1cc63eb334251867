// Public API of the fault timeline.
export { FaultTimeline } from './fault-timeline.tsx';
