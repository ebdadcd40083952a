import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { loopExportSchema, loopReportSchema, type LoopExportRequest, type LoopQuery } from '../schemas';

export const loopKeys = { all: ['loop'] as const, report: (q: LoopQuery) => ['loop', q] as const };

export const loopQuery = (query: LoopQuery) =>
  queryOptions({ queryKey: loopKeys.report(query), queryFn: ({ signal }) => request('/loop', { query, schema: loopReportSchema, signal }) });

/** Records the download in the trail and answers the figures it covers (and the CSV). */
export const exportLoop = (body: LoopExportRequest) => request('/loop/export', { method: 'POST', body, schema: loopExportSchema });
