import { useCanvasStats } from '../canvas/index.ts';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function StatusBar() {
  const { nodeCount, edgeCount, zoomPercent } = useCanvasStats();
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-run">Ready</span>
      <span data-testid="status-counts">
        {plural(nodeCount, 'node')} · {plural(edgeCount, 'edge')}
      </span>
      <span className="status-bar__spacer" />
      <span data-testid="status-zoom" aria-label="Zoom level">
        Zoom {zoomPercent}%
      </span>
    </footer>
  );
}
