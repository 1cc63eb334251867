import type { NodeFrame } from '../store/index.ts';

export type Health = 'idle' | 'ok' | 'degraded' | 'failing' | 'down';

export interface HealthView {
  health: Health;
  /** Shown in words next to the colour: state is never told by colour alone. */
  text: string;
}

/** The last window's failure share decides the state; a crash or hang overrides it. */
export function healthOf(frame: NodeFrame | undefined): HealthView {
  if (!frame) return { health: 'idle', text: 'Idle' };
  if (frame.crashed) return { health: 'down', text: 'Crashed' };
  if (frame.hung) return { health: 'down', text: 'Hung' };
  const w = frame.window;
  const completed = w ? (w['completed'] ?? 0) : 0;
  if (!w || completed === 0)
    return { health: frame.arrivals > 0 ? 'ok' : 'idle', text: frame.arrivals > 0 ? 'OK' : 'Idle' };
  const share = (w['failed'] ?? 0) / completed;
  if (share >= 0.25) return { health: 'failing', text: 'Failing' };
  if (share >= 0.01) return { health: 'degraded', text: 'Degraded' };
  return { health: 'ok', text: 'OK' };
}
