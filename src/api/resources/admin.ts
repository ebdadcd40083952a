import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../client';
import { accountSchema, type AccountCreate, type AccountPatch } from '../schemas';

export const accountKeys = { all: ['accounts'] as const };
export const accountsQuery = () => queryOptions({ queryKey: accountKeys.all, queryFn: ({ signal }) => request('/admin/users', { schema: z.array(accountSchema), signal }), staleTime: 0 });
export const createAccount = (body: AccountCreate) => request('/admin/users', { method: 'POST', body, schema: accountSchema });
export const updateAccount = (id: string, body: AccountPatch) => request(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: accountSchema });
export const resetPassword = (id: string, body: { version: number; password: string }) =>
  request(`/admin/users/${encodeURIComponent(id)}/password`, { method: 'POST', body, schema: accountSchema });
