import { useEffect, useRef, useState } from 'react';
import { useStores } from '../../store/index.ts';
import { readLog, shouldReadLog, type LogSnapshot } from './log-snapshot.ts';

/**
 * The telemetry store's event log, re-read only when `logVersion` changed and at most ~10
 * times a second. Frames drive it through a store subscription (no timer of its own): a
 * change inside the 100 ms gap waits for the next frame, and a run that settles (paused,
 * done, reset) is read at once so its final events show.
 */
export function useLogSnapshot(): LogSnapshot {
  const { telemetry } = useStores();
  const [snapshot, setSnapshot] = useState<LogSnapshot>(() =>
    readLog(telemetry.log, telemetry.getState().logVersion),
  );
  const readVersion = useRef(snapshot.version);

  useEffect(() => {
    let lastReadMs = -Infinity;
    const check = () => {
      const s = telemetry.getState();
      const nowMs = performance.now();
      const input = { version: s.logVersion, readVersion: readVersion.current, status: s.status };
      if (!shouldReadLog({ ...input, nowMs, lastReadMs })) return;
      lastReadMs = nowMs;
      readVersion.current = s.logVersion;
      setSnapshot(readLog(telemetry.log, s.logVersion));
    };
    check();
    return telemetry.subscribe(check);
  }, [telemetry]);

  return snapshot;
}
