import { useEffect, useRef, useState } from 'react';
import { useStores } from '../store/index.ts';
import { createStagger, type Stagger } from './stagger.ts';
import { isSettled } from './throttle.ts';

/**
 * `count` copies of `value` that catch up one per telemetry frame (see stagger.ts); when the
 * run is settled (paused, done, reset) no frame will come, so all catch up at once.
 */
export function useStaggered<T>(value: T, count: number): readonly T[] {
  const { telemetry } = useStores();
  const [shown, setShown] = useState<readonly T[]>(() =>
    Array.from({ length: count }, () => value),
  );
  const stagger = useRef<Stagger<T> | null>(null);

  useEffect(() => {
    const s = createStagger<T>(count, (i, v) =>
      setShown((prev) => (prev[i] === v ? prev : prev.map((p, k) => (k === i ? v : p)))),
    );
    stagger.current = s;
    const unsubscribe = telemetry.subscribe((state, prev) => {
      if (state.frameSeq === prev.frameSeq) return;
      if (isSettled(state.status)) s.flush();
      else s.frame();
    });
    return () => {
      unsubscribe();
      stagger.current = null;
    };
  }, [telemetry, count]);

  useEffect(() => {
    const s = stagger.current;
    if (!s) return;
    s.push(value);
    if (isSettled(telemetry.getState().status)) s.flush();
  }, [value, telemetry]);

  return shown;
}
