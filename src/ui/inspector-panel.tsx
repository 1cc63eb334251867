import { Inspector } from './inspector/index.ts';

export function InspectorPanel() {
  return (
    <aside className="inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <h2 id="inspector-title" className="inspector__title">
        Inspector
      </h2>
      <Inspector />
    </aside>
  );
}
