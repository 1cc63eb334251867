export { FlowCanvas } from './flow-canvas.tsx';
export { CanvasProvider, useCanvasStats, type CanvasStats } from './canvas-provider.tsx';
