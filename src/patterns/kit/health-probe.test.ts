import { describe, expect, it } from 'vitest';
import { noFaults, type NodeFaultState } from '../../engine/index.ts';
import { componentFails, probeResult } from './health-probe.ts';

const f = (patch: Partial<NodeFaultState>): NodeFaultState => ({ ...noFaults(), ...patch });
const TIMEOUT_US = 1_000_000;

/** A draw stream that records how many numbers were taken. */
function draws(values: number[]) {
  let taken = 0;
  return {
    next: () => values[taken++] ?? 0.5,
    get taken() {
      return taken;
    },
  };
}

describe('componentFails (the probe reflects the live fault state)', () => {
  it('healthy passes without drawing', () => {
    const d = draws([]);
    expect(componentFails(noFaults(), TIMEOUT_US, d.next)).toBe(false);
    expect(d.taken).toBe(0);
  });

  it('crashed, hung, zero capacity and latency above the timeout fail', () => {
    const none = () => 0.99;
    expect(componentFails(f({ crashed: true }), TIMEOUT_US, none)).toBe(true);
    expect(componentFails(f({ hung: true }), TIMEOUT_US, none)).toBe(true);
    expect(componentFails(f({ capacityFactor: 0 }), TIMEOUT_US, none)).toBe(true);
    expect(componentFails(f({ capacityWorkers: 0 }), TIMEOUT_US, none)).toBe(true);
    expect(componentFails(f({ addLatencyUs: 1_000_001 }), TIMEOUT_US, none)).toBe(true);
    expect(componentFails(f({ addLatencyUs: 1_000_000 }), TIMEOUT_US, none)).toBe(false);
    // A multiplier scales work; a health endpoint does almost none.
    expect(componentFails(f({ latencyMultiplier: 50 }), TIMEOUT_US, none)).toBe(false);
    expect(componentFails(f({ capacityFactor: 0.5 }), TIMEOUT_US, none)).toBe(false);
  });

  it('error rate r fails a probe when the draw is below r (one draw); r = 1 always fails', () => {
    expect(componentFails(f({ errorRate: 0.3 }), TIMEOUT_US, () => 0.29)).toBe(true);
    expect(componentFails(f({ errorRate: 0.3 }), TIMEOUT_US, () => 0.3)).toBe(false);
    const d = draws([]);
    expect(componentFails(f({ errorRate: 1 }), TIMEOUT_US, d.next)).toBe(true);
    expect(d.taken).toBe(0);
  });
});

describe('probeResult (critical vs non-critical dependencies)', () => {
  const ok = noFaults();
  const dead = f({ crashed: true });

  it('pass when the target and every dependency pass', () => {
    expect(probeResult(ok, [{ faults: ok, critical: true }], TIMEOUT_US, () => 0.5)).toBe('pass');
  });

  it('fail when the target fails, whatever its dependencies', () => {
    expect(probeResult(dead, [{ faults: ok, critical: false }], TIMEOUT_US, () => 0.5)).toBe(
      'fail',
    );
  });

  it('fail when a critical dependency fails; warn when only non-critical ones do', () => {
    expect(probeResult(ok, [{ faults: dead, critical: true }], TIMEOUT_US, () => 0.5)).toBe('fail');
    expect(probeResult(ok, [{ faults: dead, critical: false }], TIMEOUT_US, () => 0.5)).toBe(
      'warn',
    );
    expect(
      probeResult(
        ok,
        [
          { faults: dead, critical: false },
          { faults: dead, critical: true },
        ],
        TIMEOUT_US,
        () => 0.5,
      ),
    ).toBe('fail');
  });

  it('a critical failure ends the probe: later dependencies draw nothing', () => {
    const d = draws([0.9, 0.1]);
    const flaky = f({ errorRate: 0.5 });
    const r = probeResult(
      ok,
      [
        { faults: dead, critical: true },
        { faults: flaky, critical: false },
      ],
      TIMEOUT_US,
      d.next,
    );
    expect(r).toBe('fail');
    expect(d.taken).toBe(0);
  });
});
