export function InspectorPanel() {
  return (
    <aside className="inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <h2 id="inspector-title" className="inspector__title">
        Inspector
      </h2>
      <div className="inspector__empty" data-testid="inspector-empty">
        <p>Nothing selected.</p>
        <p>Select a node or an edge on the canvas to see its configuration and live metrics.</p>
      </div>
    </aside>
  );
}
