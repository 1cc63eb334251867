import { describe, expect, it } from 'vitest';
import { runToEndRatios, type RunToEndResult } from './ui-report.ts';

const cli = (reportedMs: number) => ({ wallMs: 1000, reportedMs, exitCode: 0, events: 10 });

function result(pageMs: number[], pageRepeatMs: number[], reported: number[], engineMs: number[]) {
  const r: RunToEndResult = {
    scenario: 'M/M/1',
    events: 10,
    pageMs,
    pageRepeatMs,
    engineMs,
    cli: reported.map(cli),
  };
  return r;
}

describe('run-to-end ratios', () => {
  it('compares a fresh page with the CLI, and a repeat run with the warm engine (medians)', () => {
    const r = result([300, 280, 900], [150, 140, 160], [250, 200, 240], [100, 120, 500]);
    expect(runToEndRatios(r)).toEqual({ fresh: 300 / 240, warm: 150 / 120 });
  });

  it('is NaN where a side was not measured', () => {
    expect(runToEndRatios(result([300], [], [250], [100])).warm).toBeNaN();
  });
});
