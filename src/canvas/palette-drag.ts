/** The drag-and-drop payload type for a component kind dragged from the palette. */
export const PALETTE_MIME = 'application/x-faultline-kind';
