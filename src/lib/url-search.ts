import { z } from 'zod';

/**
 * Pieces of the screens' URL search schemas. A URL is typed by people and pasted from chats: a value that
 * does not parse becomes "no filter" instead of an error page.
 */

/** A list: `a,b` as typed by hand as well as the array the app writes. */
export const listParam = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item))
    .optional()
    .catch(undefined);

/** A calendar day, 2026-11-03. */
export const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
