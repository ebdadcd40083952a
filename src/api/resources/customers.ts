import { queryOptions } from '@tanstack/react-query';
import { request } from '../client';
import { customerSchema, revealRequestSchema, revealResponseSchema, type RevealRequest } from '../schemas';

export const customerKeys = {
  all: ['customers'] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (id: string) => [...customerKeys.details(), id] as const,
};

export const customerQueries = {
  detail: (id: string) =>
    queryOptions({ queryKey: customerKeys.detail(id), queryFn: ({ signal }) => request(`/customers/${encodeURIComponent(id)}`, { schema: customerSchema, signal }) }),
};

/** Returns the clear value of one masked field; the backend writes an audit event with the reason. */
export const revealPii = (body: RevealRequest) =>
  request('/pii/reveal', { method: 'POST', body: revealRequestSchema.parse(body), schema: revealResponseSchema });
