import { z } from 'zod';
import type { SpreadSubject } from '@/api/schemas';

const id = z.string().min(1).max(64).optional().catch(undefined);
/** What is traced lives in the URL, so a trace can be shared: a template family, an alert or a case. */
export const spreadSearchSchema = z.object({ family: id, alert: id, case: id });
export type SpreadSearch = z.infer<typeof spreadSearchSchema>;

/** The subject a URL names; with more than one, the first of family, alert, case. */
export function subjectOf(search: SpreadSearch): Extract<SpreadSubject, { id: string }> | null {
  if (search.family) return { kind: 'family', id: search.family };
  if (search.alert) return { kind: 'alert', id: search.alert };
  if (search.case) return { kind: 'case', id: search.case };
  return null;
}
