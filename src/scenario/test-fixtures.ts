import { readFileSync } from 'node:fs';

/** The DESIGN.md §4 example, frozen as text: every future version must still load it. */
export const V1_EXAMPLE_TEXT = readFileSync(
  new URL('./fixtures/v1-design-example.json', import.meta.url),
  'utf8',
);

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

/** `list[i]`, failing loudly instead of returning undefined (keeps tests free of `!`). */
export function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item at index ${i}`);
  return item;
}
