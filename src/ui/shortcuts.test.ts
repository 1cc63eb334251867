import { describe, expect, it } from 'vitest';
import { commandFor } from './shortcuts.ts';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('commandFor', () => {
  it('maps the documented shortcuts', () => {
    expect(commandFor(key(' '))).toBe('toggle-play');
    expect(commandFor(key('.'))).toBe('step');
    expect(commandFor(key('z', { ctrl: true }))).toBe('undo');
    expect(commandFor(key('z', { meta: true }))).toBe('undo');
    expect(commandFor(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(commandFor(key('y', { ctrl: true }))).toBe('redo');
    expect(commandFor(key('c', { meta: true }))).toBe('copy');
    expect(commandFor(key('v', { ctrl: true }))).toBe('paste');
    expect(commandFor(key('d', { ctrl: true }))).toBe('duplicate');
    expect(commandFor(key('f'))).toBe('fit');
    expect(commandFor(key('?', { shift: true }))).toBe('help');
  });

  it('ignores other keys and Alt combinations', () => {
    expect(commandFor(key('a'))).toBeNull();
    expect(commandFor(key('z', { ctrl: true, alt: true }))).toBeNull();
    expect(commandFor(key('x', { ctrl: true }))).toBeNull();
  });
});
