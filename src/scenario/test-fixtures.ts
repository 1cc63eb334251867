import { deflateSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { encodeBase64url } from './base64url.ts';

/** The folder of frozen documents: one or more per format version, never edited. */
export const FIXTURES_DIR = new URL('./fixtures/', import.meta.url);

/** The text of a frozen fixture, e.g. `fixtureText('v1-design-example.json')`. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES_DIR), 'utf8');
}

/**
 * The first example of the format (version 1), frozen as text: every future version must
 * still load it.
 */
export const V1_EXAMPLE_TEXT = fixtureText('v1-design-example.json');

/** A version-2 document with two groups (bounded contexts) around its nodes. */
export const V2_GROUPS_TEXT = fixtureText('v2-bounded-contexts.json');

export type Item = Record<string, unknown>;

/** A fresh, freely mutable copy of the example document. */
export interface MutableDoc {
  [key: string]: unknown;
  nodes: Item[];
  edges: Item[];
  faults: Item[];
}

export function exampleDoc(): MutableDoc {
  return JSON.parse(V1_EXAMPLE_TEXT) as MutableDoc;
}

/** A fresh, freely mutable copy of the version-2 fixture with groups. */
export function groupsDoc(): MutableDoc & { groups: Item[] } {
  return JSON.parse(V2_GROUPS_TEXT) as MutableDoc & { groups: Item[] };
}

/** `list[i]`, failing loudly instead of returning undefined (keeps tests free of `!`). */
export function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item at index ${i}`);
  return item;
}

/** Inputs that once broke Faultline (hostile or careless), kept to show they no longer do. */
export function hostileText(name: string): string {
  return readFileSync(new URL(`./hostile-inputs/${name}`, import.meta.url), 'utf8');
}

/**
 * A version-1 share link (`s=1.<base64url(deflate)>`, no checksum) carrying `text` as it
 * is, the way the version-1 encoder wrote links.
 */
export function v1LinkOf(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return `s=1.${encodeBase64url(deflateSync(bytes, { level: 9 }))}`;
}
