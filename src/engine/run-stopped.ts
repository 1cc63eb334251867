/** Which cap of the run budget (run-budget.ts) a run passed. */
export type BudgetLimit = 'live-calls' | 'queued' | 'pending-events' | 'events-per-second';

/** What loops when virtual time stops advancing. */
export type LoopShape = 'call-cycle' | 'source' | 'timer' | 'unknown';

/**
 * The engine stopped a run that could not go on: not a bug, a scenario past what a run may
 * hold or do. `message` is one sentence for people (what piled up or looped, where, which
 * setting causes it, what to change); the host shows it as it is, the CLI prints it as one line.
 */
export class RunStoppedError extends Error {
  constructor(
    message: string,
    /** Virtual time of the stop. */
    readonly timeMs: number,
    /** The nodes named in the sentence, the one where the work piles up (or loops) first. */
    readonly nodeIds: readonly string[],
  ) {
    super(message);
    this.name = 'RunStoppedError';
  }
}

/** Work piled up past a cap of the run budget (live calls, queued work, events). */
export class BudgetError extends RunStoppedError {
  constructor(
    message: string,
    timeMs: number,
    nodeIds: readonly string[],
    readonly limit: BudgetLimit,
  ) {
    super(message, timeMs, nodeIds);
    this.name = 'BudgetError';
  }
}

/** Virtual time stopped advancing: a loop with no delay. */
export class LivelockError extends RunStoppedError {
  constructor(
    message: string,
    timeMs: number,
    nodeIds: readonly string[],
    readonly loop: LoopShape,
  ) {
    super(message, timeMs, nodeIds);
    this.name = 'LivelockError';
  }
}
