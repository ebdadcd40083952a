import { z } from 'zod';
import { auditActionSchema, recordTypeSchema, type AuditQuery } from '@/api/schemas';

export const AUDIT_PAGE_SIZE = 50;

/** The auditor's filters live in the URL so a finding can be shared as a link. */
export const auditSearchSchema = z.object({
  actor: z.string().min(1).optional().catch(undefined),
  action: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(auditActionSchema))
    .optional()
    .catch(undefined),
  recordType: recordTypeSchema.optional().catch(undefined),
  /** A record id, e.g. `case-001`: that record's events. */
  record: z.string().min(1).optional().catch(undefined),
  from: z.string().datetime({ offset: true }).optional().catch(undefined),
  to: z.string().datetime({ offset: true }).optional().catch(undefined),
  page: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;
export type AuditSearchPatch = Partial<{ [K in keyof AuditSearch]: AuditSearch[K] | undefined }>;

export const toAuditQuery = (s: AuditSearch): AuditQuery => ({
  actorId: s.actor,
  action: s.action,
  recordType: s.recordType,
  recordId: s.record,
  from: s.from,
  to: s.to,
  page: s.page ?? 1,
  pageSize: AUDIT_PAGE_SIZE,
});
