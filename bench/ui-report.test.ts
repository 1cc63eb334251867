import { describe, expect, it } from 'vitest';
import { judgeUi, runToEndRatios, type RunToEndResult, type UiBenchReport } from './ui-report.ts';

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

describe('UI verdicts', () => {
  const run = (fps: number, maxLongTaskMs = 0) =>
    ({ fps, maxLongTaskMs }) as UiBenchReport['load'][number]['runs'][number];
  const report = (fps300: number[], fps100: number[]): UiBenchReport => ({
    chromium: '156',
    node: '20',
    cpus: 2,
    quick: false,
    runsPerMeasurement: 3,
    idleFps: 60,
    firstLoad: { firstCanvasMs: [], firstPaintMs: [] },
    load: [
      { nodes: 100, edges: 130, speed: 10, runs: fps100.map((f) => run(f)), topLoafScripts: [] },
      { nodes: 300, edges: 390, speed: 10, runs: fps300.map((f) => run(f)), topLoafScripts: [] },
    ],
    sustained: { scenario: '', speed: 20, wallSeconds: 60, runs: [] },
    runToEnd: result([], [], [], []),
    runEnd: { scenario: '', runs: [] },
    pageErrors: [],
  });

  it('judges 300 nodes against ≥ 45 fps and 100 nodes against ≥ 55 fps, on medians', () => {
    expect(judgeUi(report([44, 46, 47], [56, 50, 58]))).toMatchObject({
      fps300: true,
      fps100: true,
    });
    expect(judgeUi(report([44, 46, 40], [54, 50, 58]))).toMatchObject({
      fps300: false,
      fps100: false,
    });
  });
});
