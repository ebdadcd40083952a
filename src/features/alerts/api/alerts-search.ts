import { z } from 'zod';
import { alertRuleIdSchema, alertSeveritySchema, alertStatusSchema, type AlertQuery } from '@/api/schemas';
import { dayParam, listParam } from '@/lib/url-search';

/** The inbox's filters and the open alert live in the URL: the dashboard's 预警 figures link here. */
export const alertsSearchSchema = z.object({
  status: alertStatusSchema.optional().catch(undefined),
  severity: listParam(alertSeveritySchema),
  rule: listParam(alertRuleIdSchema),
  mine: z.coerce.boolean().optional().catch(undefined),
  from: dayParam,
  to: dayParam,
  page: z.coerce.number().int().positive().optional().catch(undefined),
  /** The alert open in the drawer. */
  alert: z.string().min(1).max(64).optional().catch(undefined),
});
export type AlertsSearch = z.infer<typeof alertsSearchSchema>;
export type AlertsSearchPatch = Partial<{ [K in keyof AlertsSearch]: AlertsSearch[K] | undefined }>;

export const ALERT_PAGE_SIZE = 20;

export const toAlertQuery = (s: AlertsSearch): AlertQuery => ({
  status: s.status ? [s.status] : undefined,
  severity: s.severity?.length ? s.severity : undefined,
  rule: s.rule?.length ? s.rule : undefined,
  assignee: s.mine ? 'me' : undefined,
  from: s.from,
  to: s.to,
  page: s.page,
  pageSize: ALERT_PAGE_SIZE,
});

/** The queue, filtered to an alert's complaints in every status (some may be answered already). */
export const queueHrefOf = (alertId: string) => `/queue?${new URLSearchParams({ alert: alertId, status: '' }).toString()}`;
