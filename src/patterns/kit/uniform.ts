/**
 * A source of uniform draws in [0, 1): a kind passes `() => ctx.rng(node, purpose).next()`,
 * so the kit's pure functions draw from the node's named stream without seeing the engine.
 */
export type Uniform = () => number;
