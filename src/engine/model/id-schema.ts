import { z } from 'zod';
import { quote } from './zod-messages.ts';

const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
const MAX_ID_CHARS = 64;

/** Ids of nodes, edges, faults and groups (one namespace): short, URL- and selector-friendly. */
export const idSchema = z
  .string()
  .min(1)
  .max(MAX_ID_CHARS)
  .regex(ID_PATTERN, {
    error: (issue) =>
      `may contain only letters, digits and _ . : - (got ${quote(String(issue.input))})`,
  });
