import { axisTicks, formatTick, timeToFraction } from './timeline-geometry.ts';

/** Tick marks and labels under the track, from 0 to the run's end. */
export function TimelineAxis({ runMs, widthPx }: { runMs: number; widthPx: number }) {
  const ticks = axisTicks(runMs, widthPx);
  return (
    <div className="fault-timeline__axis" aria-hidden="true">
      {ticks.map((t, i) => (
        <span
          key={t}
          className={
            i === 0
              ? 'fault-timeline__tick fault-timeline__tick--first'
              : i === ticks.length - 1 && t >= runMs
                ? 'fault-timeline__tick fault-timeline__tick--last'
                : 'fault-timeline__tick'
          }
          style={{ left: `${timeToFraction(t, runMs) * 100}%` }}
        >
          {formatTick(t)}
        </span>
      ))}
    </div>
  );
}
