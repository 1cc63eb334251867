import type { RequestInfo } from '../../engine/index.ts';

/**
 * The data model an answer is expressed in, carried as the request attribute `format` (set by
 * whoever produced the answer, rewritten by a translator on the way back):
 * - `legacy`: the legacy model with its documented values;
 * - `legacy-unexpected`: the legacy model with a value nobody documented (a new status code,
 *   a renamed field …);
 * - `domain`: the new domain model.
 * An answer without the attribute was not produced by a legacy system and needs no translation.
 * A consumer that cannot read an answer fails with the kit's `BAD_FORMAT` cause.
 */
export const FORMAT_ATTR = 'format';

export const Format = {
  Legacy: 'legacy',
  Unexpected: 'legacy-unexpected',
  Domain: 'domain',
} as const;

export function formatOf(request: RequestInfo): string | null {
  const f = request.attrs?.[FORMAT_ATTR];
  return typeof f === 'string' ? f : null;
}

export function setFormat(request: RequestInfo, format: string): void {
  if (request.attrs) request.attrs[FORMAT_ATTR] = format;
  else request.attrs = { [FORMAT_ATTR]: format };
}

/**
 * What translating an answer in `format` into the domain model does: documented legacy values
 * are mapped; anything else that is not already domain maps to the safe default (`defaulted`).
 */
export function translate(format: string | null): {
  format: string | null;
  translated: boolean;
  defaulted: boolean;
} {
  if (format === null || format === Format.Domain) {
    return { format, translated: false, defaulted: false };
  }
  return { format: Format.Domain, translated: true, defaulted: format !== Format.Legacy };
}

/**
 * Whether a consumer written against the legacy model (no translator in between) can read an
 * answer: documented legacy values and domain answers, yes; anything undocumented, no.
 */
export function readable(format: string | null): boolean {
  return format === null || format === Format.Domain || format === Format.Legacy;
}
