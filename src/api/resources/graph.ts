import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../client';
import { entitySchema, graphLayoutSchema, graphSchema, type GraphLayoutSave, type GraphQuery } from '../schemas';

export const graphKeys = {
  all: ['graph'] as const,
  neighbourhoods: () => [...graphKeys.all, 'neighbourhood'] as const,
  neighbourhood: (query: GraphQuery) => [...graphKeys.neighbourhoods(), query] as const,
  searches: () => [...graphKeys.all, 'search'] as const,
  search: (q: string) => [...graphKeys.searches(), q] as const,
  network: (excludeHubs: boolean) => [...graphKeys.all, 'network', { excludeHubs }] as const,
  layouts: () => [...graphKeys.all, 'layout'] as const,
  subgraph: (ids: readonly string[]) =>
    queryOptions({
      queryKey: [...graphKeys.all, 'subgraph', [...ids].sort().join(',')] as const,
      queryFn: ({ signal }) => request('/graph/subgraph', { query: { ids: ids.join(',') }, schema: graphSchema, signal }),
    }),
  layout: (caseId: string) => [...graphKeys.layouts(), caseId] as const,
};

export const graphQueries = {
  neighbourhood: (query: GraphQuery) =>
    queryOptions({ queryKey: graphKeys.neighbourhood(query), queryFn: ({ signal }) => request('/graph/neighbourhood', { query, schema: graphSchema, signal }) }),
  search: (q: string) =>
    queryOptions({ queryKey: graphKeys.search(q), queryFn: ({ signal }) => request('/graph/entities', { query: { q }, schema: z.array(entitySchema), signal }) }),
  network: (excludeHubs: boolean) =>
    queryOptions({
      queryKey: graphKeys.network(excludeHubs),
      queryFn: ({ signal }) => request('/graph/network', { query: { excludeHubs }, schema: graphSchema, signal }),
      staleTime: 5 * 60_000,
    }),
  subgraph: (ids: readonly string[]) =>
    queryOptions({
      queryKey: [...graphKeys.all, 'subgraph', [...ids].sort().join(',')] as const,
      queryFn: ({ signal }) => request('/graph/subgraph', { query: { ids: ids.join(',') }, schema: graphSchema, signal }),
    }),
  layout: (caseId: string) =>
    queryOptions({
      queryKey: graphKeys.layout(caseId),
      queryFn: ({ signal }) => request(`/graph/layouts/${encodeURIComponent(caseId)}`, { schema: graphLayoutSchema.nullable(), signal }),
    }),
};

export const saveGraphLayout = (caseId: string, body: GraphLayoutSave) =>
  request(`/graph/layouts/${encodeURIComponent(caseId)}`, { method: 'PUT', body, schema: graphLayoutSchema });
