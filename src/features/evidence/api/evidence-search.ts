import { z } from 'zod';

/** `/evidence?complaintId=…|caseId=…&id=…&compare=…`: other screens link here with these. */
export const evidenceSearchSchema = z.object({
  id: z.string().min(1).optional().catch(undefined),
  complaintId: z.string().min(1).optional().catch(undefined),
  caseId: z.string().min(1).optional().catch(undefined),
  /** Second item shown beside `id` with synchronised zoom and pan. */
  compare: z.string().min(1).optional().catch(undefined),
});
export type EvidenceSearch = z.infer<typeof evidenceSearchSchema>;
export type EvidenceSearchPatch = Partial<{ [K in keyof EvidenceSearch]: EvidenceSearch[K] | undefined }>;
