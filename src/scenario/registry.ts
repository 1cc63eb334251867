// The scenario layer validates against every registered kind; the UI reaches the registry
// through here (src/ui and src/canvas may not import src/patterns directly).
export { ALL_KINDS, REGISTRY } from '../patterns/index.ts';
