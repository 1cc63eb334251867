import type { ScenarioError } from './scenario-error.ts';

/**
 * How deep lists and objects may nest in a scenario's JSON. The deepest part of any valid
 * document is a handful of levels (`nodes[0].config.routes[0]…`); JSON.parse spent ~180 ms
 * on a link holding a 400 000-deep list only for the validator to refuse it afterwards.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether lists and objects nest deeper than `limit` in JSON text (as a string or as UTF-8
 * bytes: the brackets, quotes and backslashes are ASCII, which no multi-byte character
 * contains). One pass, no allocation, stops at the first level too deep; brackets inside
 * strings do not count. The text need not be valid JSON: JSON.parse judges that afterwards.
 */
export function nestsDeeperThan(text: string | Uint8Array, limit = MAX_JSON_DEPTH): boolean {
  const bytes = typeof text === 'string' ? null : text;
  const chars = typeof text === 'string' ? text : '';
  const length = bytes ? bytes.length : chars.length;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = bytes ? (bytes[i] as number) : chars.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_LIST || c === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_LIST || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** The document-level error for text that nests too deep (empty when it does not). */
export function depthErrors(text: string | Uint8Array, limit = MAX_JSON_DEPTH): ScenarioError[] {
  if (!nestsDeeperThan(text, limit)) return [];
  return [
    {
      path: '',
      message: `lists and objects are nested more than ${limit} levels deep; the limit is ${limit}`,
    },
  ];
}
