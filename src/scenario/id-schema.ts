// Ids are a model rule (live fault patches check them too); the document uses the engine's.
export { idSchema } from '../engine/index.ts';
