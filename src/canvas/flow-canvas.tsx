import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';

// Stable empty arrays: a new array per render would make React Flow re-diff every time.
const NO_NODES: Node[] = [];
const NO_EDGES: Edge[] = [];

/** The editing surface: grid, zoom controls and minimap around the scenario's nodes. */
export function FlowCanvas() {
  return (
    <div className="flow-canvas" data-testid="canvas">
      <ReactFlow
        nodes={NO_NODES}
        edges={NO_EDGES}
        colorMode="system"
        fitView
        minZoom={0.1}
        maxZoom={4}
        proOptions={{ hideAttribution: false }}
        aria-label="Scenario canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} />
        <Controls position="bottom-left" aria-label="Zoom controls" />
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" />
      </ReactFlow>
      <p className="flow-canvas__empty" data-testid="canvas-empty">
        The canvas is empty. Scroll to zoom, drag to pan.
      </p>
    </div>
  );
}
