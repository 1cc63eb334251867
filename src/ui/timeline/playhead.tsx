import { useTelemetry } from '../../store/index.ts';
import { formatSecondsShort, timeToFraction } from './timeline-geometry.ts';

/** The current virtual time as a vertical line; re-renders on its own, not the strip. */
export function Playhead({ runMs }: { runMs: number }) {
  const timeMs = useTelemetry((s) => s.timeMs);
  const status = useTelemetry((s) => s.status);
  if (status === 'empty') return null;
  return (
    <div
      className="fault-timeline__playhead"
      style={{ left: `${timeToFraction(timeMs, runMs) * 100}%` }}
      data-testid="fault-timeline-playhead"
      title={`Now: ${formatSecondsShort(timeMs)}`}
      aria-hidden="true"
    />
  );
}
