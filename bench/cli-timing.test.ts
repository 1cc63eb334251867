import { describe, expect, it } from 'vitest';
import { formatSummary } from '../src/cli/format-summary.ts';
import { createSimulation } from '../src/engine/index.ts';
import { parseCliHeader } from './cli-timing.ts';
import { mm1Scenario } from './ui-scenarios.ts';

describe('parseCliHeader', () => {
  it('reads events and the wall time from the header the CLI prints', () => {
    const scenario = { ...mm1Scenario(), durationMs: 2000 };
    const sim = createSimulation(scenario);
    sim.runToEnd();
    const text = formatSummary(sim.summary(), { title: 'M/M/1', source: 'x.json', wallMs: 251 });
    expect(parseCliHeader(`> npm noise\n\n${text}`)).toEqual({
      events: sim.events,
      reportedMs: 251,
    });
  });

  it('gives NaN for what it cannot find', () => {
    const parsed = parseCliHeader('no report here');
    expect(parsed.events).toBeNaN();
    expect(parsed.reportedMs).toBeNaN();
  });
});
