import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useStores } from '../store/index.ts';
import { layoutPositions } from './auto-layout.ts';
import { fitRequest } from './fit-request.ts';
import { GLANCE_FROM_ZOOM } from './level-of-detail.ts';

export interface CanvasActions {
  fitView(): void;
  /** Lays the scenario out left to right as one undoable edit. */
  autoLayout(): Promise<void>;
}

/** Canvas commands for the toolbar and keyboard shortcuts (only src/canvas touches React Flow). */
export function useCanvasActions(): CanvasActions {
  const flow = useReactFlow();
  const { app } = useStores();
  return useMemo(
    () => ({
      fitView: () =>
        void flow.fitView({ padding: 0.2, maxZoom: 1.2, minZoom: GLANCE_FROM_ZOOM, duration: 200 }),
      async autoLayout() {
        const { nodes, edges } = app.getState().scenario;
        const sizes = new Map(
          flow
            .getNodes()
            .map((n) => [
              n.id,
              { width: n.measured?.width ?? 190, height: n.measured?.height ?? 110 },
            ]),
        );
        const positions = await layoutPositions(nodes, edges, sizes);
        const s = app.getState().scenario;
        app.getState().apply({
          ...s,
          nodes: s.nodes.map((n) => {
            const p = positions.get(n.id);
            return p ? { ...n, position: p } : n;
          }),
        });
        fitRequest.pending = true;
      },
    }),
    [flow, app],
  );
}
