import type { z } from 'zod';
import { faultEnvelopeSchema, faultSchema, type AnyFaultTypeDefinition } from './fault-type.ts';
import type { KindRegistry } from './kind.ts';
import type { SimFault } from './scenario-types.ts';
import { issueMessage, quote } from './zod-messages.ts';

export type FaultParse =
  | { ok: true; fault: SimFault; def: AnyFaultTypeDefinition }
  /** `def` is set when the type is known (its target rules can still be checked). */
  | { ok: false; issues: readonly z.core.$ZodIssue[]; def?: AnyFaultTypeDefinition };

function unknownType(type: string, registry: KindRegistry): z.core.$ZodIssue {
  const known = registry
    .faultTypes()
    .map((d) => d.type)
    .join(', ');
  return {
    code: 'custom',
    path: ['type'],
    message: `unknown fault type ${quote(type)}; known fault types: ${known}`,
    input: type,
  };
}

/**
 * Parses one fault (any value) by its registered type's schema, defaults applied. The
 * document validator and the live patch check both call this, so they accept and refuse
 * exactly the same faults; each words the path its own way. Never throws.
 */
export function parseFault(raw: unknown, registry: KindRegistry): FaultParse {
  const type =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['type'] : undefined;
  const def = typeof type === 'string' ? registry.faultType(type) : undefined;
  if (def) {
    const parsed = faultSchema(def).safeParse(raw, { error: issueMessage });
    return parsed.success
      ? { ok: true, fault: parsed.data, def }
      : { ok: false, issues: parsed.error.issues, def };
  }
  // No known type: report it, and whatever else is wrong with the common fields, at once.
  const envelope = faultEnvelopeSchema.safeParse(raw, { error: issueMessage });
  const issues = envelope.success ? [] : [...envelope.error.issues];
  if (typeof type === 'string') issues.push(unknownType(type, registry));
  return { ok: false, issues };
}

/** The kinds of a registry that declare a kind-specific fault type, quoted, for messages. */
export function kindsHonouring(registry: KindRegistry, type: string): string {
  const kinds = registry.kinds().filter((d) => d.kindFaults?.some((f) => f.type === type));
  return kinds.length ? kinds.map((d) => quote(d.kind)).join(', ') : 'none';
}
