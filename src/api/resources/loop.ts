import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { loopReportSchema, type LoopQuery } from '../schemas';

export const loopKeys = { all: ['loop'] as const, report: (q: LoopQuery) => ['loop', q] as const };

export const loopQuery = (query: LoopQuery) =>
  queryOptions({ queryKey: loopKeys.report(query), queryFn: ({ signal }) => request('/loop', { query, schema: loopReportSchema, signal }) });
