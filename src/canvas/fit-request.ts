/** Set by an action that moves nodes; the canvas fits the view after it renders them. */
export const fitRequest = { pending: false };
