import { createContext, useContext } from 'react';
import { parseStoreError } from './field-errors.ts';

/**
 * The store's messages about a list edit that was refused but kept on screen (an added item
 * that is not valid yet). Each field inside the list shows the messages naming its own path,
 * so the problem appears next to the field that has to change.
 */
export const PendingErrorsContext = createContext<readonly string[]>([]);

/**
 * The pending messages about the field at `path`; with `nested`, also about its elements
 * (`fallbackOn[3]: …` for a comma-separated list), each prefixed with its index.
 */
export function pendingErrorText(
  errors: readonly string[],
  path: string,
  nested = false,
): string | null {
  const out: string[] = [];
  for (const e of errors) {
    const parsed = parseStoreError(e);
    if (parsed.path === path) out.push(parsed.message);
    else if (nested && parsed.path?.startsWith(`${path}[`)) {
      out.push(`${parsed.path.slice(path.length)}: ${parsed.message}`);
    }
  }
  return out.length ? out.join('; ') : null;
}

export function usePendingError(path: string, nested = false): string | null {
  return pendingErrorText(useContext(PendingErrorsContext), path, nested);
}
