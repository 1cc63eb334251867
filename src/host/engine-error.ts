import { ConservationError, LivelockError } from '../engine/index.ts';

function withFullStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Turns whatever the engine threw into one sentence for the run's error banner. */
export function describeEngineError(error: unknown): string {
  if (error instanceof LivelockError) return withFullStop(error.message);
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConservationError) {
    return withFullStop(
      `The simulation stopped because its request accounting broke (${message}). ` +
        'This is a bug in Faultline; please report it with the scenario link',
    );
  }
  return withFullStop(`The simulation stopped with an unexpected error: ${message}`);
}
