/** Keyboard shortcuts, shared by the handler and the help dialog. */
export interface Shortcut {
  keys: string;
  action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: 'Space',
    action: 'Play / pause (on a focused button, field or node, Space and Enter act on it)',
  },
  { keys: 'Tab / Shift + Tab', action: 'Move focus, canvas nodes and calls included' },
  { keys: '.', action: 'Step one second' },
  { keys: 'Ctrl/⌘ + Z', action: 'Undo' },
  { keys: 'Shift + Ctrl/⌘ + Z  or  Ctrl + Y', action: 'Redo' },
  { keys: 'Ctrl/⌘ + C / V', action: 'Copy / paste the selected components' },
  { keys: 'Ctrl/⌘ + D', action: 'Duplicate the selection' },
  { keys: 'Delete / Backspace', action: 'Delete the selection' },
  { keys: 'Shift + drag', action: 'Select several components with a box' },
  { keys: 'Ctrl/⌘ + click', action: 'Add to the selection' },
  { keys: 'F', action: 'Fit the scenario in view' },
  { keys: '?', action: 'Show this help' },
  { keys: 'Esc', action: 'Close a dialog' },
];

export type ShortcutCommand =
  'toggle-play' | 'step' | 'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'fit' | 'help';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Maps a key press to a command; null when it is not a shortcut. Pure, for testing. */
export function commandFor(e: KeyLike): ShortcutCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'd') return 'duplicate';
    return null;
  }
  if (key === ' ') return 'toggle-play';
  if (key === '.') return 'step';
  if (key === 'f') return 'fit';
  if (e.key === '?') return 'help';
  return null;
}

/** Typing in a field must never trigger canvas shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** Elements whose own Space / Enter does something (press, tick, open, select a canvas node). */
const INTERACTIVE = [
  'button',
  'a[href]',
  'input',
  'select',
  'textarea',
  'summary',
  '[contenteditable="true"]',
  ...['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option', 'slider'].map(
    (role) => `[role="${role}"]`,
  ),
  // Focusable by Tab: React Flow's nodes and edges (Enter / Space select them), and the like.
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/** The least of an event target that `keyBelongsToFocus` reads (a DOM element in the app). */
interface TargetLike {
  tagName?: string;
  closest(selector: string): unknown;
}

/**
 * Space and Enter belong to the focused element: a focused button is pressed, a node selected,
 * a panel scrolled. The global Space → Play applies only with focus on the page itself (body)
 * or on the canvas background. Pure, for testing.
 */
export function keyBelongsToFocus(key: string, target: EventTarget | TargetLike | null): boolean {
  if (key !== ' ' && key !== 'Enter') return false;
  if (!target || typeof (target as TargetLike).closest !== 'function') return false;
  const el = target as TargetLike;
  const tag = el.tagName?.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML') return false;
  if (el.closest(INTERACTIVE) !== null) return true;
  return el.closest('.react-flow') === null;
}
