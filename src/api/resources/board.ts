import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { assignResultSchema, autoAssignPlanSchema, boardSchema, nextItemSchema, userSchema, type AutoAssignPlan, type BulkAssign } from '../schemas';

export const boardKeys = {
  all: ['board'] as const,
  board: () => [...boardKeys.all, 'overview'] as const,
  next: (userId: string) => [...boardKeys.all, 'next', userId] as const,
};

export const boardQueries = {
  board: () => queryOptions({ queryKey: boardKeys.board(), queryFn: ({ signal }) => request('/board', { schema: boardSchema, signal }) }),
  next: (userId: string) =>
    queryOptions({ queryKey: boardKeys.next(userId), queryFn: ({ signal }) => request(`/users/${encodeURIComponent(userId)}/next`, { schema: nextItemSchema, signal }) }),
};

export const bulkAssign = (body: BulkAssign) => request('/assign/bulk', { method: 'POST', body, schema: assignResultSchema });
export const previewAutoAssign = () => request('/assign/auto/preview', { method: 'POST', schema: autoAssignPlanSchema });
export const applyAutoAssign = (plan: AutoAssignPlan) => request('/assign/auto/apply', { method: 'POST', body: plan, schema: assignResultSchema });
export const setCapacity = (userId: string, capacity: number) =>
  request(`/users/${encodeURIComponent(userId)}/capacity`, { method: 'PATCH', body: { capacity }, schema: userSchema });
