import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { SimFault } from '../../scenario/index.ts';
import { faultAriaLabel, faultTitle, type FaultGraph } from './fault-spec.ts';
import {
  dragWindow,
  nudgeWindow,
  sameWindow,
  timeToFraction,
  windowEndMs,
  type DragMode,
  type FaultWindow,
} from './timeline-geometry.ts';

/** Pointer travel (px) below which a press is a click, not a drag. */
const CLICK_SLOP_PX = 3;
export const LANE_HEIGHT_PX = 22;

interface Drag {
  pointerId: number;
  mode: DragMode;
  originX: number;
  msPerPx: number;
  origin: FaultWindow;
  moved: boolean;
}

interface Props {
  fault: SimFault;
  lane: number;
  runMs: number;
  graph: FaultGraph;
  selected: boolean;
  trackRef: RefObject<HTMLDivElement | null>;
  onSelect(id: string): void;
  /** Called once per drag or key press with the fault's new window. */
  onCommit(fault: SimFault): void;
  onDelete(id: string): void;
}

function modeOf(target: EventTarget): DragMode {
  const handle = (target as HTMLElement).closest?.('[data-handle]');
  const mode = handle?.getAttribute('data-handle');
  return mode === 'start' || mode === 'end' ? mode : 'move';
}

/**
 * One fault on the strip. Dragging the body moves it, dragging an edge resizes it; the
 * preview lives here and the document changes once, on release (one undo step per drag).
 */
export function FaultBar({ fault, lane, runMs, graph, selected, trackRef, ...actions }: Props) {
  const drag = useRef<Drag | null>(null);
  const [preview, setPreview] = useState<FaultWindow | null>(null);
  const shown = preview ?? fault;
  const left = timeToFraction(shown.startMs, runMs);
  const right = timeToFraction(windowEndMs(shown, runMs), runMs);
  const shownFault = { ...fault, ...shown } as SimFault;

  const windowAt = (d: Drag, clientX: number) =>
    dragWindow(d.origin, d.mode, (clientX - d.originX) * d.msPerPx, runMs);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const width = trackRef.current?.getBoundingClientRect().width ?? 0;
    actions.onSelect(fault.id);
    if (!(width > 0) || !(runMs > 0)) return;
    e.preventDefault();
    e.currentTarget.focus();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = {
      pointerId: e.pointerId,
      mode: modeOf(e.target),
      originX: e.clientX,
      msPerPx: runMs / width,
      origin: { startMs: fault.startMs, durationMs: fault.durationMs },
      moved: false,
    };
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    if (!d.moved && Math.abs(e.clientX - d.originX) < CLICK_SLOP_PX) return;
    d.moved = true;
    const next = windowAt(d, e.clientX);
    setPreview((prev) => (prev && sameWindow(prev, next) ? prev : next));
  };

  const finish = (e: PointerEvent<HTMLDivElement>, commit: boolean) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    setPreview(null);
    if (!commit || !d.moved) return;
    const next = windowAt(d, e.clientX);
    if (!sameWindow(next, d.origin)) actions.onCommit({ ...fault, ...next } as SimFault);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    let handled = true;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const next = nudgeWindow(fault, e.key === 'ArrowLeft' ? -1 : 1, e.shiftKey, runMs);
      if (!sameWindow(next, fault)) actions.onCommit({ ...fault, ...next } as SimFault);
    } else if (e.key === 'Enter' || e.key === ' ') actions.onSelect(fault.id);
    else if (e.key === 'Delete' || e.key === 'Backspace') actions.onDelete(fault.id);
    else handled = false;
    if (handled) {
      // Keep the app's shortcuts (play on Space, canvas delete) out of it.
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const title = faultTitle(fault, graph);
  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={faultAriaLabel(shownFault, graph, runMs)}
      aria-pressed={selected}
      title={`${faultAriaLabel(shownFault, graph, runMs)}. Drag to move, drag an edge to resize; arrow keys move by 1 s, Shift + arrows resize.`}
      className={`fault-bar fault-bar--${fault.type}${selected ? ' fault-bar--selected' : ''}${preview ? ' fault-bar--dragging' : ''}${fault.durationMs === null ? ' fault-bar--open' : ''}`}
      style={{
        left: `${left * 100}%`,
        width: `${Math.max(0, right - left) * 100}%`,
        top: lane * LANE_HEIGHT_PX + 2,
        height: LANE_HEIGHT_PX - 4,
      }}
      data-testid={`fault-bar-${fault.id}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => finish(e, true)}
      onPointerCancel={(e) => finish(e, false)}
      onKeyDown={onKeyDown}
    >
      <span
        className="fault-bar__handle fault-bar__handle--start"
        data-handle="start"
        data-testid={`fault-bar-${fault.id}-start-handle`}
      />
      <span className="fault-bar__label">{title}</span>
      <span
        className="fault-bar__handle fault-bar__handle--end"
        data-handle="end"
        data-testid={`fault-bar-${fault.id}-end-handle`}
      />
    </div>
  );
}
