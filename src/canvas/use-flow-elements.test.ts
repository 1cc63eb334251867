import { describe, expect, it } from 'vitest';
import type { SimNode } from '../scenario/index.ts';
import { NODE_INITIAL_SIZE_PX, flowNodeFor } from './use-flow-elements.ts';

const node = (id: string): SimNode => ({
  id,
  kind: 'service',
  label: '',
  position: { x: 0, y: 0 },
  config: {},
});

describe('flowNodeFor', () => {
  it('gives an unmeasured node its initial size (drawn at once), a measured one its measure', () => {
    const a = node('a');
    const b = node('b');
    const fa = flowNodeFor(a, false, undefined);
    const fb = flowNodeFor(b, false, { width: 200, height: 150 });
    expect(fa).toMatchObject({
      initialWidth: NODE_INITIAL_SIZE_PX.width,
      initialHeight: NODE_INITIAL_SIZE_PX.height,
    });
    expect(fa.measured).toBeUndefined();
    expect(fb.measured).toEqual({ width: 200, height: 150 });
    expect(fb.initialWidth).toBeUndefined();
  });
});
