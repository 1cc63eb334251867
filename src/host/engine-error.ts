import { ConservationError, RunStoppedError } from '../engine/index.ts';

function withFullStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What a run that stopped with an engine error leaves the user to do (the driver can reset). */
const RESET = 'Press Reset to run again.';

/**
 * Turns whatever the engine threw into the run's whole error banner: what happened, once,
 * and what to do. The banner shows it as it is — it used to put "The simulation stopped:"
 * before sentences that said so themselves.
 */
export function describeEngineError(error: unknown): string {
  // The guard's sentence already says when the run stopped, why, and what to change.
  if (error instanceof RunStoppedError) return `${withFullStop(error.message)} ${RESET}`;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConservationError) {
    return (
      withFullStop(
        `The simulation stopped because its request accounting broke (${message}). ` +
          'This is a bug in Faultline; please report it with the scenario link',
      ) + ` ${RESET}`
    );
  }
  return `${withFullStop(`The simulation stopped with an unexpected error: ${message}`)} ${RESET}`;
}
