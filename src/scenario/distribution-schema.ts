// The one distribution schema lives in the engine (kind configs need it too).
export { distributionSchema } from '../engine/index.ts';
