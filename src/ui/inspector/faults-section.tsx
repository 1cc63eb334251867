import { useId } from 'react';
import { FaultList } from './fault-list.tsx';
import { FaultToggles } from './fault-toggles.tsx';
import type { ToggleSpec } from './toggle-specs.ts';

interface Props {
  /** The node or edge id the faults aim at. */
  target: string;
  specs: readonly ToggleSpec[];
  /** What the target is called in "All faults on this …". */
  noun: 'node' | 'client' | 'edge';
}

/** Quick fault toggles for a node, traffic source or edge, and the faults aimed at it. */
export function FaultsSection({ target, specs, noun }: Props) {
  const titleId = useId();
  return (
    <section className="insp-section" aria-labelledby={titleId}>
      <h3 className="insp-section__title" id={titleId}>
        Faults
      </h3>
      <p className="insp-muted insp-small">
        Toggles take effect now, at the current simulated time.
      </p>
      <FaultToggles target={target} specs={specs} />
      <h4 className="insp-subtitle">All faults on this {noun}</h4>
      <FaultList target={target} />
    </section>
  );
}
