export { ALL_KINDS, REGISTRY } from './registry.ts';
