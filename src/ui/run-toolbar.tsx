import { useId } from 'react';
import { useApp, useRun, useStores, useTelemetry } from '../store/index.ts';
import { formatClock } from './format-clock.ts';
import { NumberSetting } from './number-setting.tsx';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100] as const;

/** Play/pause, step, speed, run to end, reset, seed and duration, and the virtual clock. */
export function RunToolbar() {
  const run = useRun();
  const { app } = useStores();
  const status = useTelemetry((s) => s.status);
  const speed = useTelemetry((s) => s.speed);
  const timeMs = useTelemetry((s) => s.timeMs);
  const durationMs = useApp((s) => s.scenario.durationMs);
  const progress = useTelemetry((s) => s.progress);
  const seed = useApp((s) => s.scenario.seed);
  const speedId = useId();
  const playing = status === 'playing';
  const toEnd = status === 'running-to-end';
  const done = status === 'done';

  return (
    <div className="run-toolbar" role="toolbar" aria-label="Run controls" data-testid="run-toolbar">
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => run.togglePlay()}
        disabled={done || toEnd}
        aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
        data-testid="play"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => run.step()}
        disabled={done || toEnd}
        aria-label="Step one second"
        data-testid="step"
      >
        Step 1 s
      </button>
      <label className="run-toolbar__field" htmlFor={speedId}>
        Speed
        <select
          id={speedId}
          value={String(speed)}
          onChange={(e) => run.setSpeed(Number(e.target.value))}
          aria-label="Speed"
          data-testid="speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {toEnd ? (
        <div className="run-toolbar__progress" data-testid="run-progress">
          <progress max={1} value={progress} aria-label="Run to end progress" />
          <span>{Math.round(progress * 100)}%</span>
          <button
            type="button"
            className="btn"
            onClick={() => run.pause()}
            data-testid="cancel-run"
          >
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="btn"
          onClick={() => run.runToEnd()}
          disabled={done}
          aria-label="Run to end as fast as possible"
          data-testid="run-to-end"
        >
          Run to end »
        </button>
      )}
      <button
        type="button"
        className="btn"
        onClick={() => run.reset()}
        aria-label="Reset to 0 s"
        data-testid="reset"
      >
        ↺ Reset
      </button>
      <span className="run-toolbar__clock" data-testid="clock" aria-label="Virtual time">
        {formatClock(timeMs)} / {formatClock(durationMs)}
      </span>
      <span
        className={`run-toolbar__status run-toolbar__status--${status}`}
        data-testid="run-status"
      >
        {STATUS_TEXT[status]}
      </span>
      <span className="run-toolbar__spacer" />
      <NumberSetting
        label="Seed"
        testId="seed"
        value={seed}
        integer
        min={0}
        max={4294967295}
        onCommit={(v) => app.getState().setRunSettings({ seed: v })}
      />
      <button
        type="button"
        className="btn"
        onClick={() =>
          app.getState().setRunSettings({ seed: Math.floor(Math.random() * 4294967296) })
        }
        aria-label="New random seed"
        data-testid="new-seed"
      >
        New seed
      </button>
      <NumberSetting
        label="Duration"
        unit="s"
        testId="duration"
        value={durationMs / 1000}
        min={1}
        max={7 * 24 * 3600}
        onCommit={(v) => app.getState().setRunSettings({ durationMs: Math.round(v * 1000) })}
      />
    </div>
  );
}

const STATUS_TEXT: Record<string, string> = {
  empty: 'No scenario',
  ready: 'Ready',
  playing: 'Playing',
  paused: 'Paused',
  'running-to-end': 'Running to end…',
  done: 'Done',
  error: 'Stopped by an error',
};
