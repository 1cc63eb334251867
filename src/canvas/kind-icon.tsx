import type { KindCategory } from '../store/index.ts';

// One small line icon per palette category (categories, not kinds: a new kind needs no
// entry here). Decorative: the label next to it carries the meaning.
const PATHS: Record<KindCategory, string> = {
  traffic: 'M8 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0zM4 21c0-4 3.6-6 8-6s8 2 8 6',
  compute: 'M4 5h16v6H4zM4 13h16v6H4zM7 8h.01M7 16h.01',
  resilience: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
  routing: 'M4 12h6l4-6h6M10 12l4 6h6M17 3l3 3-3 3M17 15l3 3-3 3',
  messaging: 'M4 6h16v12H4zM4 7l8 6 8-6',
  data: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  deployment: 'M12 3v12M7 10l5 5 5-5M5 21h14',
};

export function KindIcon({ category, size = 18 }: { category: KindCategory; size?: number }) {
  const d = PATHS[category];
  return (
    <svg
      className="kind-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}
