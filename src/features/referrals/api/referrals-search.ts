import { z } from 'zod';
import { referralEventSchema, type ReferralListQuery } from '@/api/schemas';
import { dayParam } from '@/lib/url-search';

/** The referral list's filter, in the URL: the dashboard's 报案 figures link here. */
export const referralsSearchSchema = z.object({
  event: referralEventSchema.optional().catch(undefined),
  from: dayParam,
  to: dayParam,
  team: z.string().min(1).max(64).optional().catch(undefined),
});
export type ReferralsSearch = z.infer<typeof referralsSearchSchema>;

export const toReferralQuery = (s: ReferralsSearch): ReferralListQuery => (s.event ? { event: s.event, from: s.from, to: s.to, team: s.team } : {});
