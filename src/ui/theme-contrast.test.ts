import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const THEME = readFileSync(new URL('./theme.css', import.meta.url), 'utf8');

/** The custom properties of the first block after `marker` (light: `:root {`, dark: the media query). */
function variables(marker: string): Map<string, string> {
  const start = THEME.indexOf(marker);
  if (start < 0) throw new Error(`theme.css has no ${marker}`);
  const open = THEME.indexOf('{', THEME.indexOf(':root', start));
  const block = THEME.slice(open, THEME.indexOf('}', open));
  return new Map(
    [...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The colours a node's status line is written in (canvas.css `.cnode__status--*`): OK and
// Degraded in the text colour, Idle muted, Saturated, Slow, Failing and Crashed/Hung in their own.
const STATUS_TEXT = ['--text', '--text-muted', '--saturated', '--slow', '--bad'];

describe('theme contrast', () => {
  for (const [theme, marker] of [
    ['light', ':root {'],
    ['dark', '@media (prefers-color-scheme: dark)'],
  ] as const) {
    it(`status words are readable on a node in the ${theme} theme (≥ 4.5:1)`, () => {
      const vars = variables(marker);
      const surface = vars.get('--surface');
      expect(surface).toBeDefined();
      for (const name of STATUS_TEXT) {
        const colour = vars.get(name);
        expect({ name, colour: colour !== undefined }).toEqual({ name, colour: true });
        const ratio = contrast(colour as string, surface as string);
        expect({ name, ok: ratio >= 4.5, ratio }).toMatchObject({ name, ok: true });
      }
    });
  }

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
