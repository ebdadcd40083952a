import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../client';
import { entitySchema, graphSchema, type GraphQuery } from '../schemas';

export const graphKeys = {
  all: ['graph'] as const,
  neighbourhoods: () => [...graphKeys.all, 'neighbourhood'] as const,
  neighbourhood: (query: GraphQuery) => [...graphKeys.neighbourhoods(), query] as const,
  searches: () => [...graphKeys.all, 'search'] as const,
  search: (q: string) => [...graphKeys.searches(), q] as const,
};

export const graphQueries = {
  neighbourhood: (query: GraphQuery) =>
    queryOptions({ queryKey: graphKeys.neighbourhood(query), queryFn: ({ signal }) => request('/graph/neighbourhood', { query, schema: graphSchema, signal }) }),
  search: (q: string) =>
    queryOptions({ queryKey: graphKeys.search(q), queryFn: ({ signal }) => request('/graph/entities', { query: { q }, schema: z.array(entitySchema), signal }) }),
};
