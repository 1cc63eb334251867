import type { PatchResult, SimPatch, SimScenario } from '../engine/index.ts';
import type { HostFrame, SeriesRange, SeriesResult, SeriesScope } from './sim-host.ts';

/**
 * Messages between the main thread and the simulation (a worker, or the inline loopback).
 * Plain data only, so every message survives `structuredClone` / `postMessage`.
 */

/** Main → simulation. Requests that expect an answer carry a `requestId` chosen by the sender. */
export type HostCommand =
  | { type: 'load'; scenario: SimScenario }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'set-speed'; multiplier: number }
  | { type: 'run-to-end' }
  | { type: 'reset' }
  /** Wall time since the previous tick; answered by exactly one `frame` with `tickReply`. */
  | { type: 'tick'; wallDeltaMs: number }
  | { type: 'patch'; requestId: number; patch: SimPatch }
  | { type: 'series'; requestId: number; scope: SeriesScope; range: SeriesRange };

/** Simulation → main. */
export type DriverMessage =
  /** The worker's module has loaded and listens (the start-up handshake). */
  | { type: 'ready' }
  /** `tickReply` marks the one frame answering a tick (back-pressure: one tick in flight). */
  | { type: 'frame'; frame: HostFrame; tickReply: boolean }
  | { type: 'patch-result'; requestId: number; result: PatchResult }
  | { type: 'series-result'; requestId: number; result: SeriesResult }
  | { type: 'request-failed'; requestId: number; message: string };
