import { z } from 'zod';
import { channelSchema, loopQuerySchema, type LoopLink, type LoopQuery } from '@/api/schemas';
import { lastDays } from '@/domain/loop';
import { dayParam as day, listParam as list } from '@/lib/url-search';

export const PRESET_DAYS = [7, 30, 90] as const;
export const DEFAULT_DAYS = 30;

/** The dashboard's period and filters live in the URL, so a view of the figures can be shared. */
export const dashboardSearchSchema = z.object({
  days: z.coerce
    .number()
    .refine((n) => (PRESET_DAYS as readonly number[]).includes(n))
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  team: z.string().min(1).max(64).optional().catch(undefined),
  channel: list(channelSchema),
});
export type DashboardSearch = z.infer<typeof dashboardSearchSchema>;
export type DashboardSearchPatch = Partial<{ [K in keyof DashboardSearch]: DashboardSearch[K] | undefined }>;

/** A custom range when one is given and valid, else the last N days up to today (Beijing). */
export function loopQueryOf(search: DashboardSearch, now: Date): { query: LoopQuery; custom: boolean; invalid: boolean } {
  const base = { team: search.team, channel: search.channel?.length ? search.channel : undefined };
  if (search.from && search.to) {
    const custom = loopQuerySchema.safeParse({ ...base, from: search.from, to: search.to });
    if (custom.success) return { query: custom.data, custom: true, invalid: false };
  }
  const invalid = Boolean(search.from || search.to);
  return { query: { ...base, ...lastDays(search.days ?? DEFAULT_DAYS, now) }, custom: false, invalid };
}

/** The screen a figure's records are on, as an in-app link (the router parses its search). */
export const hrefOf = (link: LoopLink) => {
  const search = new URLSearchParams(link.params).toString();
  return `/${link.screen}${search ? `?${search}` : ''}`;
};

/** 月报: a calendar month (YYYY-MM), and the same team and channel filters as the dashboard. */
export const monthlySearchSchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  team: z.string().min(1).max(64).optional().catch(undefined),
  channel: list(channelSchema),
});
export type MonthlySearch = z.infer<typeof monthlySearchSchema>;
export type MonthlySearchPatch = Partial<{ [K in keyof MonthlySearch]: MonthlySearch[K] | undefined }>;
