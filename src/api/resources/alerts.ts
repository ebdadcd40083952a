import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import {
  alertCaseResultSchema,
  alertEvaluationSchema,
  alertRuleSchema,
  alertSchema,
  alertSummarySchema,
  demoWaveResultSchema,
  pageOf,
  type AlertCase,
  type AlertPatch,
  type AlertQuery,
  type AlertRuleId,
  type AlertRulePatch,
  type DemoWave,
} from '../schemas';

export const alertKeys = {
  all: ['alerts'] as const,
  lists: () => [...alertKeys.all, 'list'] as const,
  list: (q: AlertQuery) => [...alertKeys.lists(), q] as const,
  detail: (id: string) => [...alertKeys.all, 'detail', id] as const,
  summary: () => [...alertKeys.all, 'summary'] as const,
  rules: () => [...alertKeys.all, 'rules'] as const,
};

/** How often the header asks for the count: there is no push stream yet, so a new alert shows within this. */
export const ALERT_POLL_MS = 20_000;
const enc = encodeURIComponent;

export const alertQueries = {
  list: (q: AlertQuery) => queryOptions({ queryKey: alertKeys.list(q), queryFn: ({ signal }) => request('/alerts', { query: q, schema: pageOf(alertSchema), signal }) }),
  detail: (id: string) => queryOptions({ queryKey: alertKeys.detail(id), queryFn: ({ signal }) => request(`/alerts/${enc(id)}`, { schema: alertSchema, signal }) }),
  summary: () =>
    queryOptions({ queryKey: alertKeys.summary(), queryFn: ({ signal }) => request('/alerts/summary', { schema: alertSummarySchema, signal }), refetchInterval: ALERT_POLL_MS, staleTime: 0 }),
  rules: () => queryOptions({ queryKey: alertKeys.rules(), queryFn: ({ signal }) => request('/alert-rules', { schema: alertRuleSchema.array(), signal }) }),
};

export const updateAlert = (id: string, patch: AlertPatch) => request(`/alerts/${enc(id)}`, { method: 'PATCH', body: patch, schema: alertSchema });
export const caseFromAlert = (id: string, body: AlertCase) => request(`/alerts/${enc(id)}/case`, { method: 'POST', body, schema: alertCaseResultSchema });
export const updateAlertRule = (id: AlertRuleId, patch: AlertRulePatch) => request(`/alert-rules/${enc(id)}`, { method: 'PATCH', body: patch, schema: alertRuleSchema });
export const evaluateAlerts = () => request('/alerts/evaluate', { method: 'POST', schema: alertEvaluationSchema });
/** The demo's "a wave arrives" (demo hosts only). */
export const demoWave = (body: Partial<DemoWave>) => request('/demo/wave', { method: 'POST', body, schema: demoWaveResultSchema });
