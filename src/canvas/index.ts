export { FlowCanvas } from './flow-canvas.tsx';
export { CanvasProvider, useCanvasStats, type CanvasStats } from './canvas-provider.tsx';
export { Palette } from './palette.tsx';
export { useCanvasActions, type CanvasActions } from './canvas-actions.ts';
