import { useId } from 'react';
import { FaultList } from './fault-list.tsx';
import { FaultToggles } from './fault-toggles.tsx';
import { NODE_TOGGLES, SOURCE_TOGGLES } from './toggle-specs.ts';

/** Quick fault toggles for a node (or a traffic source), and the faults aimed at it. */
export function NodeFaults({ nodeId, isSource }: { nodeId: string; isSource: boolean }) {
  const titleId = useId();
  return (
    <section className="insp-section" aria-labelledby={titleId}>
      <h3 className="insp-section__title" id={titleId}>
        Faults
      </h3>
      <p className="insp-muted insp-small">
        Toggles take effect now, at the current simulated time.
      </p>
      <FaultToggles target={nodeId} specs={isSource ? SOURCE_TOGGLES : NODE_TOGGLES} />
      <h4 className="insp-subtitle">All faults on this {isSource ? 'client' : 'node'}</h4>
      <FaultList target={nodeId} />
    </section>
  );
}
