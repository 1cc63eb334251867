import { createSimulation, type Simulation } from '../create-simulation.ts';
import type { SimulationOptions } from '../simulation.ts';
import { buildScenario } from './scenario-builder.ts';

/** Builds, runs to the end and returns the simulation (for tests). */
export function runScenario(
  spec: Parameters<typeof buildScenario>[0],
  options: SimulationOptions = {},
): Simulation {
  const sim = createSimulation(buildScenario(spec), options);
  sim.runToEnd();
  return sim;
}

export const poisson = (ratePerSec: number) => ({ type: 'poisson' as const, ratePerSec });
export const exp = (meanMs: number) => ({ type: 'exponential' as const, meanMs });
export const constant = (valueMs: number) => ({ type: 'constant' as const, valueMs });
