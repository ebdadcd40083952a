import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { dashboardStatsSchema } from '../schemas';

export const statsKeys = { all: ['stats'] as const };
export const statsQuery = () =>
  queryOptions({ queryKey: statsKeys.all, queryFn: ({ signal }) => request('/stats', { schema: dashboardStatsSchema, signal }) });
