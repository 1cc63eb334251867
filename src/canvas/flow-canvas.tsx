import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Position } from '../scenario/index.ts';

type Size = { width: number; height: number };
import { defaultConfig, kindInfo, nodesInGroup, useApp, useStores } from '../store/index.ts';
import './canvas.css';
import { ComponentNode, type ComponentFlowNode } from './component-node.tsx';
import { ContextGroupNode, type ContextGroupFlowNode } from './context-group-node.tsx';
import { fitRequest } from './fit-request.ts';
import { freeSpot, type Bounds } from './free-spot.ts';
import { PALETTE_MIME } from './palette-drag.ts';
import { GLANCE_FROM_ZOOM, useCompactZoom } from './level-of-detail.ts';
import { useMinimapToggle } from './minimap-toggle.ts';
import { TrafficEdge } from './traffic-edge.tsx';
import { useFlowEdges, useFlowGroups, useFlowNodes } from './use-flow-elements.ts';

const NODE_TYPES = { component: ComponentNode, context: ContextGroupNode };
type FlowNode = ComponentFlowNode | ContextGroupFlowNode;
const EDGE_TYPES = { traffic: TrafficEdge };
const DELETE_KEYS = ['Backspace', 'Delete'];
// A fit never zooms out past the glance view's lowest zoom (level-of-detail.ts): text stays
// ≥ 11 px on screen, and a diagram too large for that is panned rather than shrunk.
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2, minZoom: GLANCE_FROM_ZOOM };

/** Adds a node of `kind` with its default config, labelled "Service 2" and so on. */
export function addNodeOfKind(
  app: ReturnType<typeof useStores>['app'],
  kind: string,
  position: Position,
  visible?: Bounds,
): string | null {
  const info = kindInfo(kind);
  if (!info) return null;
  const nodes = app.getState().scenario.nodes;
  const same = nodes.filter((n) => n.kind === kind).length;
  const label = same === 0 ? info.label : `${info.label} ${same + 1}`;
  const spot = freeSpot(
    position,
    nodes.map((n) => n.position),
    visible,
  );
  return app.getState().addNode(kind, label, defaultConfig(kind), spot);
}

/** The editing surface: the scenario's components and calls, live badges, connect by drag. */
export function FlowCanvas() {
  const { app } = useStores();
  const flow = useReactFlow();
  const compact = useCompactZoom();
  const [minimap, toggleMinimap] = useMinimapToggle();
  const nodes = useApp((s) => s.scenario.nodes);
  const edges = useApp((s) => s.scenario.edges);
  const selectedNodes = useApp((s) => s.selectedNodes);
  const selectedEdges = useApp((s) => s.selectedEdges);
  const hint = useApp((s) => s.connectionHint);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const groups = useApp((s) => s.scenario.groups);
  const componentNodes = useFlowNodes(nodes, selectedNodes, measured);
  const groupNodes = useFlowGroups(groups, selectedNodes);
  const flowNodes = useMemo<FlowNode[]>(
    () => [...groupNodes, ...componentNodes],
    [groupNodes, componentNodes],
  );
  const flowEdges = useFlowEdges(edges, selectedEdges);

  // After an auto-layout, or once another document was loaded or opened (link, catalogue,
  // import), frame it.
  const loadSeq = useApp((s) => s.loadSeq);
  const framedLoadSeq = useRef(loadSeq);
  useEffect(() => {
    if (!fitRequest.pending && framedLoadSeq.current === loadSeq) return;
    fitRequest.pending = false;
    framedLoadSeq.current = loadSeq;
    void flow.fitView(FIT_VIEW_OPTIONS);
  }, [nodes, flow, loadSeq]);

  // Components inside a bounded context move with it; fixed when its drag starts.
  const resizingIds = useRef(new Set<string>());
  const groupMembers = useRef(
    new Map<string, { origin: Position; members: Map<string, Position> }>(),
  );

  const onNodeDragStart = useCallback(
    (_event: unknown, node: FlowNode) => {
      const doc = app.getState().scenario;
      const group = doc.groups.find((g) => g.id === node.id);
      if (!group) return;
      const inside = new Set(nodesInGroup(doc, group.id));
      groupMembers.current.set(group.id, {
        origin: group.position,
        members: new Map(doc.nodes.filter((n) => inside.has(n.id)).map((n) => [n.id, n.position])),
      });
    },
    [app],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = app.getState();
      const positions = new Map<string, Position>();
      let sized: Map<string, Size> | null = null;
      let gestureEnded = false;
      let resized: Map<string, Size> | null = null;
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          if (c.resizing === true) {
            resizingIds.current.add(c.id);
            (resized ??= new Map()).set(c.id, c.dimensions);
          } else if (c.resizing === false) {
            // Only a resize this canvas saw begin ends a gesture (not a stray measurement).
            if (resizingIds.current.delete(c.id)) gestureEnded = true;
          } else {
            (sized ??= new Map()).set(c.id, c.dimensions);
          }
        } else if (c.type === 'position') {
          if (c.position) positions.set(c.id, c.position);
          if (c.dragging === false) gestureEnded = true;
        } else if (c.type === 'select') {
          selection ??= new Set(state.selectedNodes);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      // A dragged group carries the components that sat inside it when the drag began.
      for (const [id, p] of [...positions]) {
        const held = groupMembers.current.get(id);
        if (!held) continue;
        const dx = p.x - held.origin.x;
        const dy = p.y - held.origin.y;
        for (const [memberId, start] of held.members) {
          if (!positions.has(memberId))
            positions.set(memberId, { x: start.x + dx, y: start.y + dy });
        }
      }
      if (positions.size) state.dragTo(positions);
      if (resized) {
        const sizes = resized;
        state.transient((sc) => ({
          ...sc,
          groups: sc.groups.map((g) => {
            const d = sizes.get(g.id);
            return d ? { ...g, width: Math.round(d.width), height: Math.round(d.height) } : g;
          }),
        }));
      }
      if (gestureEnded) {
        state.endDrag();
        groupMembers.current.clear();
      }
      if (selection) state.select([...selection], state.selectedEdges);
      if (sized) {
        const update = sized;
        setMeasured((prev) => new Map([...prev, ...update]));
      }
    },
    [app],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<Edge>[]) => {
      const state = app.getState();
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'select') {
          selection ??= new Set(state.selectedEdges);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (selection) state.select(state.selectedNodes, [...selection]);
    },
    [app],
  );

  const onDelete: OnDelete<FlowNode, Edge> = useCallback(
    ({ nodes: gone, edges: cut }) => {
      app.getState().removeElements(
        gone.map((n) => n.id),
        cut.map((e) => e.id),
      );
    },
    [app],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      app.getState().connect(c.source, c.target);
    },
    [app],
  );

  const isValidConnection: IsValidConnection<Edge> = useCallback(
    (c) => app.getState().checkConnection(c.source, c.target).ok,
    [app],
  );

  // Dragging a connection onto a refused target explains why, instead of silently snapping back.
  const onConnectEnd = useCallback(
    (
      _event: MouseEvent | TouchEvent,
      state: {
        isValid: boolean | null;
        fromNode: { id: string } | null;
        toNode: { id: string } | null;
      },
    ) => {
      if (state.isValid === false && state.fromNode && state.toNode) {
        app.getState().connect(state.fromNode.id, state.toNode.id);
      }
    },
    [app],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!kind) return;
      event.preventDefault();
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNodeOfKind(app, kind, { x: Math.round(p.x - 90), y: Math.round(p.y - 40) });
    },
    [app, flow],
  );

  return (
    <div
      className={compact ? 'flow-canvas flow-canvas--compact' : 'flow-canvas'}
      data-testid="canvas"
    >
      <ReactFlow<FlowNode, Edge>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={DELETE_KEYS}
        onlyRenderVisibleElements
        colorMode="system"
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={4}
        aria-label="Scenario canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} />
        <Controls position="bottom-left" aria-label="Zoom controls">
          <ControlButton
            onClick={toggleMinimap}
            aria-label={minimap ? 'Hide the minimap' : 'Show the minimap'}
            aria-pressed={minimap}
            title={minimap ? 'Hide the minimap' : 'Show the minimap'}
            data-testid="toggle-minimap"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <rect
                x="1.5"
                y="3"
                width="13"
                height="10"
                rx="1.5"
                fill="none"
                stroke="currentColor"
              />
              <rect x="8" y="7" width="5" height="4.5" fill="currentColor" />
            </svg>
          </ControlButton>
        </Controls>
        {minimap && <MiniMap position="bottom-right" pannable zoomable ariaLabel="Minimap" />}
      </ReactFlow>
      {nodes.length === 0 && (
        <p className="flow-canvas__empty" data-testid="canvas-empty">
          The canvas is empty. Drag a component from the palette, or click one to add it.
        </p>
      )}
      {hint && (
        <div className="flow-canvas__hint" role="status" data-testid="connection-hint">
          <span>Can’t connect: {hint}</span>
          <button
            type="button"
            onClick={() => app.getState().clearConnectionHint()}
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
