// @vitest-environment jsdom
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChartLegend } from './chart-legend.tsx';
import { useOnDemand } from './use-on-demand.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('chart legend', () => {
  it('names every series in order, with its colour and a line’s dash on the swatch', () => {
    act(() =>
      root.render(
        <ChartLegend
          items={[
            { name: 'succeeded', color: 'var(--chart-ok)', shape: 'area' },
            { name: 'p99', color: 'var(--chart-p99)', dash: '2 2', shape: 'line' },
          ]}
        />,
      ),
    );
    const items = [...host.querySelectorAll('.chart-legend__item')];
    expect(items.map((li) => li.querySelector('.chart-legend__text')?.textContent)).toEqual([
      'succeeded',
      'p99',
    ]);
    expect(items[0]?.querySelector('rect')?.getAttribute('fill')).toBe('var(--chart-ok)');
    const line = items[1]?.querySelector('line');
    expect(line?.getAttribute('stroke')).toBe('var(--chart-p99)');
    expect(line?.getAttribute('stroke-dasharray')).toBe('2 2');
    // The swatch is decoration: the words carry the meaning.
    expect(items[0]?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('tooltip on demand', () => {
  const seen: boolean[] = [];
  function Probe() {
    const tip = useOnDemand();
    useEffect(() => {
      seen.push(tip.wanted);
    }, [tip.wanted]);
    return <button type="button" data-testid="plot" {...tip.handlers} />;
  }

  it('is wanted only once the pointer enters or focus arrives, and then stays', () => {
    seen.length = 0;
    act(() => root.render(<Probe />));
    expect(seen).toEqual([false]);
    const plot = host.querySelector('[data-testid="plot"]') as HTMLButtonElement;
    act(() => plot.focus());
    expect(seen).toEqual([false, true]);
    act(() => plot.blur());
    expect(seen).toEqual([false, true]);
  });
});
