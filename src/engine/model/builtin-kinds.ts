import { clientKind } from './client.ts';
import { databaseKind } from './database.ts';
import { createRegistry, type AnyKindDefinition } from './kind.ts';
import { serviceKind } from './service.ts';

/** The engine's own kinds. Pattern kinds live in src/patterns and join these in its registry. */
export const BUILTIN_KINDS: readonly AnyKindDefinition[] = [clientKind, serviceKind, databaseKind];
export const BUILTIN_REGISTRY = createRegistry(BUILTIN_KINDS);
