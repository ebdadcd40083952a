import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../client';
import {
  institutionSchema,
  sharingIdentifiersSchema,
  sharingOfferCountsSchema,
  sharingOverviewSchema,
  sharingReportSchema,
  sharingSessionSchema,
  sharingSignedSchema,
  type InstitutionSelf,
  type PeerCreate,
  type PointSets,
  type SharedType,
  type SharingCreate,
} from '../schemas';

export const sharingKeys = {
  all: ['sharing'] as const,
  overview: () => [...sharingKeys.all, 'overview'] as const,
  session: (id: string) => [...sharingKeys.all, 'session', id] as const,
  offer: (types: readonly SharedType[]) => [...sharingKeys.all, 'offer', [...types].sort().join(',')] as const,
};

const enc = encodeURIComponent;
export const sharingQueries = {
  overview: () => queryOptions({ queryKey: sharingKeys.overview(), queryFn: ({ signal }) => request('/sharing', { schema: sharingOverviewSchema, signal }), staleTime: 0 }),
  session: (id: string) => queryOptions({ queryKey: sharingKeys.session(id), queryFn: ({ signal }) => request(`/sharing/sessions/${enc(id)}`, { schema: sharingSessionSchema, signal }), staleTime: 0 }),
  /** How many identifiers of each type would be offered: shown before anything leaves. */
  offer: (types: readonly SharedType[]) =>
    queryOptions({ queryKey: sharingKeys.offer(types), queryFn: ({ signal }) => request('/sharing/offer', { query: { types: [...types] }, schema: sharingOfferCountsSchema, signal }), staleTime: 0 }),
};

// Blinding and signing 100k points moves megabytes each way; the default write timeout is for small commands.
const BIG = { timeoutMs: 300_000 };

export const saveInstitution = (body: InstitutionSelf) => request('/sharing/institution', { method: 'PUT', body, schema: institutionSchema });
export const addPeer = (body: PeerCreate) => request('/sharing/peers', { method: 'POST', body, schema: institutionSchema });
export const setPeerRevoked = (id: string, body: { revoked: boolean; version: number }) => request(`/sharing/peers/${enc(id)}`, { method: 'PATCH', body, schema: institutionSchema });
export const createSession = (body: SharingCreate) => request('/sharing/sessions', { method: 'POST', body, schema: sharingSessionSchema });
export const readIdentifiers = (id: string, version: number) => request(`/sharing/sessions/${enc(id)}/identifiers`, { method: 'POST', body: { version }, schema: sharingIdentifiersSchema, ...BIG });
export const signStep = (id: string, body: { version: number; sets: PointSets; peerSets?: PointSets }) =>
  request(`/sharing/sessions/${enc(id)}/sign`, { method: 'POST', body, schema: sharingSignedSchema, ...BIG });
export const importFile = (file: unknown) => request('/sharing/import', { method: 'POST', body: { file }, schema: sharingSignedSchema, ...BIG });
export const reportResult = (id: string, body: { version: number; matches: { type: SharedType; entityId: string }[] }) =>
  request(`/sharing/sessions/${enc(id)}/result`, { method: 'POST', body, schema: sharingSessionSchema, ...BIG });
export const tagMatches = (id: string, version: number) => request(`/sharing/sessions/${enc(id)}/tag`, { method: 'POST', body: { version }, schema: sharingSessionSchema });
export const cancelSession = (id: string, version: number) => request(`/sharing/sessions/${enc(id)}/cancel`, { method: 'POST', body: { version }, schema: sharingSessionSchema });
export const exportReport = (id: string) => request(`/sharing/sessions/${enc(id)}/report`, { method: 'POST', schema: sharingReportSchema });
export type SharingIdentifierSets = z.infer<typeof sharingIdentifiersSchema>['sets'];
