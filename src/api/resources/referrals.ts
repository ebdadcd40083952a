import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../client';
import { referralExportSchema, referralPartyCandidatesSchema, referralSchema, type ReferralListQuery, type ReferralPatch, type ReferralTracking } from '../schemas';

export const referralKeys = {
  all: ['referrals'] as const,
  lists: () => [...referralKeys.all, 'list'] as const,
  list: (filter: ReferralListQuery) => [...referralKeys.lists(), filter] as const,
  details: () => [...referralKeys.all, 'detail'] as const,
  detail: (id: string) => [...referralKeys.details(), id] as const,
};

export const referralQueries = {
  list: (filter: ReferralListQuery) =>
    queryOptions({ queryKey: referralKeys.list(filter), queryFn: ({ signal }) => request('/referrals', { query: filter, schema: z.array(referralSchema), signal }) }),
  detail: (id: string) =>
    queryOptions({ queryKey: referralKeys.detail(id), queryFn: ({ signal }) => request(`/referrals/${encodeURIComponent(id)}`, { schema: referralSchema, signal }) }),
};

export const createReferral = (caseId: string) => request('/referrals', { method: 'POST', body: { caseId }, schema: referralSchema });
export const updateReferral = (id: string, patch: ReferralPatch) =>
  request(`/referrals/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: referralSchema });
export const approveReferral = (id: string, version: number) =>
  request(`/referrals/${encodeURIComponent(id)}/approval`, { method: 'PUT', body: { version }, schema: referralSchema });

export const referralPartiesQuery = (id: string) =>
  queryOptions({
    queryKey: [...referralKeys.detail(id), 'parties'] as const,
    queryFn: ({ signal }) => request(`/referrals/${encodeURIComponent(id)}/parties`, { schema: referralPartyCandidatesSchema, signal }),
  });

/** Audited: returns the reported persons' clear personal data and the evidence files to package. */
export const exportReferral = (id: string, version: number, reason: string) =>
  request(`/referrals/${encodeURIComponent(id)}/export`, { method: 'POST', body: { version, reason }, schema: referralExportSchema });

export const trackReferral = (id: string, command: ReferralTracking) =>
  request(`/referrals/${encodeURIComponent(id)}/tracking`, { method: 'PUT', body: command, schema: referralSchema });
