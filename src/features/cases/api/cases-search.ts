import { z } from 'zod';
import { caseStatusSchema, prioritySchema, type CaseQuery } from '@/api/schemas';
import { dayParam, listParam as list } from '@/lib/url-search';

export const CASES_PAGE_SIZE = 20;

/** The case list's filters live in the URL, so a lead can send "my team's overdue cases" as a link. */
export const casesSearchSchema = z.object({
  status: list(caseStatusSchema),
  priority: list(prioritySchema),
  /** 'me', 'unassigned' or a user id */
  assignee: z.string().min(1).optional().catch(undefined),
  due: z.enum(['overdue', 'within7', 'within30']).optional().catch(undefined),
  q: z.string().min(1).optional().catch(undefined),
  /** From the dashboard: gang cases opened on or between two days, in a team. */
  target: z.enum(['gang', 'agent_firm', 'person']).optional().catch(undefined),
  createdFrom: dayParam,
  createdTo: dayParam,
  team: z.string().min(1).max(64).optional().catch(undefined),
  page: z.coerce.number().int().positive().optional().catch(undefined),
});
export type CasesSearch = z.infer<typeof casesSearchSchema>;
export type CasesSearchPatch = Partial<{ [K in keyof CasesSearch]: CasesSearch[K] | undefined }>;

export const toCaseQuery = (s: CasesSearch): CaseQuery => ({
  status: s.status,
  priority: s.priority,
  assignee: s.assignee,
  due: s.due,
  q: s.q,
  target: s.target,
  createdFrom: s.createdFrom,
  createdTo: s.createdTo,
  team: s.team,
  page: s.page ?? 1,
  pageSize: CASES_PAGE_SIZE,
});
