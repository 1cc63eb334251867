import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  clampResultsHeight,
  readResultsHeight,
  RESULTS_DEFAULT_PX,
  RESULTS_STEP_PX,
  writeResultsHeight,
} from './panel-size.ts';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/**
 * The results panel's height, dragged on its top edge (or moved with the arrow keys on it;
 * a double click restores the default), remembered across reloads and kept within bounds
 * when the window changes size. `attach` is the panel's ref callback (its parent is the column it shares
 * with the canvas).
 */
export function useResultsHeight() {
  const [heightPx, setHeightPx] = useState(() => readResultsHeight(storage()));
  const [columnPx, setColumnPx] = useState(Infinity);
  const column = useRef(Infinity);

  const attach = useCallback((panel: HTMLElement | null) => {
    const parent = panel?.parentElement;
    if (!parent) return;
    const measure = () => {
      column.current = parent.clientHeight;
      setColumnPx(parent.clientHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(parent);
    return () => observer.disconnect();
  }, []);

  const set = useCallback((px: number) => {
    const next = clampResultsHeight(px, column.current);
    setHeightPx(next);
    writeResultsHeight(storage(), next);
  }, []);

  return { attach, heightPx: clampResultsHeight(heightPx, columnPx), set };
}

interface Props {
  heightPx: number;
  onResize(px: number): void;
}

/** The divider on the results panel's top edge. */
export function PanelResizer({ heightPx, onResize }: Props) {
  const drag = useRef<{ startY: number; startPx: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startY: e.clientY, startPx: heightPx };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) onResize(d.startPx + (d.startY - e.clientY));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? RESULTS_STEP_PX * 4 : RESULTS_STEP_PX;
    if (e.key === 'ArrowUp') onResize(heightPx + step);
    else if (e.key === 'ArrowDown') onResize(heightPx - step);
    else if (e.key === 'Home') onResize(RESULTS_DEFAULT_PX);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the results panel (drag, or arrow keys)"
      aria-valuenow={heightPx}
      tabIndex={0}
      title="Drag to resize; double-click for the default size"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => onResize(RESULTS_DEFAULT_PX)}
      onKeyDown={onKeyDown}
      data-testid="results-resizer"
    />
  );
}
