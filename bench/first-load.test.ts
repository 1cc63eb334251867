import { describe, expect, it } from 'vitest';
import { firstLoadVerdictLines, judgeFirstLoad } from './first-load-report.ts';
import { parseSizeLimitJson } from './first-load.ts';

describe('first load (d)', () => {
  it('reads size and budget from size-limit --json', () => {
    const out = '[{ "name": "initial JS", "passed": true, "size": 234110, "sizeLimit": 250000 }]';
    expect(parseSizeLimitJson(out)).toEqual({ gzipBytes: 234110, limitBytes: 250000 });
    expect(() => parseSizeLimitJson('{"error":"dist/index.html not found"}')).toThrow(
      /no size and limit/,
    );
  });

  it('passes on the median of the fresh pages, and within the size budget', () => {
    const initialJs = { gzipBytes: 234110, limitBytes: 250000 };
    const fast = { initialJs, firstCanvasMs: [700, 1400, 900], firstPaintMs: [600, 1300, 800] };
    expect(judgeFirstLoad(fast)).toEqual({ initialJs: true, firstCanvas: true });
    const slow = { ...fast, firstCanvasMs: [1100, 900, 1200] };
    expect(judgeFirstLoad(slow).firstCanvas).toBe(false);
    const big = { ...fast, initialJs: { gzipBytes: 250001, limitBytes: 250000 } };
    expect(judgeFirstLoad(big).initialJs).toBe(false);
    expect(firstLoadVerdictLines(fast)).toEqual([
      '(d) initial JS: 234.1 kB gzip (budget ≤ 250.0 kB) PASS',
      '(d) canvas drawn 900 ms after navigation (target ≤ 1000 ms) PASS',
    ]);
  });

  it('says n/a when nothing was measured', () => {
    expect(judgeFirstLoad({ firstCanvasMs: [], firstPaintMs: [] })).toEqual({
      initialJs: undefined,
      firstCanvas: undefined,
    });
  });
});
