import { useQuery } from '@tanstack/react-query';
import { Input, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionQuery } from '@/api/resources/session';
import type { LoopQuery, LoopReport } from '@/api/schemas';
import { ChannelSelect, TeamSelect } from './ScopeSelects';
import { DEFAULT_DAYS, PRESET_DAYS, type DashboardSearch, type DashboardSearchPatch } from '../api/dashboard-search';

type Props = { search: DashboardSearch; query: LoopQuery; report: LoopReport | undefined; onSearchChange: (patch: DashboardSearchPatch) => void };

/** Period (last 7 / 30 / 90 days or two days picked), team and channel; all of it in the URL. */
export function LoopFilters({ search, query, report, onSearchChange }: Props) {
  const { t } = useTranslation();
  const role = useQuery(sessionQuery()).data?.user.role;
  const [picking, setPicking] = useState(false);
  const custom = picking || Boolean(search.from || search.to);
  const period = custom ? 'custom' : String(search.days ?? DEFAULT_DAYS);

  const choose = (value: string) => {
    if (value === 'custom') {
      setPicking(true);
      // Start from the period on screen, so the two boxes are never empty.
      onSearchChange({ from: query.from, to: query.to, days: undefined });
      return;
    }
    setPicking(false);
    onSearchChange({ days: Number(value) === DEFAULT_DAYS ? undefined : Number(value), from: undefined, to: undefined });
  };

  return (
    <Space wrap size={12} style={{ marginBottom: 12 }} data-testid="loop-filters">
      <Segmented
        aria-label={t('loop.period')}
        data-testid="loop-period"
        value={period}
        onChange={(v) => choose(String(v))}
        options={[...PRESET_DAYS.map((d) => ({ value: String(d), label: t('loop.days', { count: d }) })), { value: 'custom', label: t('loop.custom') }]}
      />
      {custom ? (
        <Space size={4}>
          <Input
            type="date"
            aria-label={t('loop.from')}
            data-testid="loop-from"
            style={{ width: 150 }}
            value={search.from ?? ''}
            onChange={(e) => onSearchChange({ from: e.target.value || undefined })}
          />
          <span aria-hidden>–</span>
          <Input type="date" aria-label={t('loop.to')} data-testid="loop-to" style={{ width: 150 }} value={search.to ?? ''} onChange={(e) => onSearchChange({ to: e.target.value || undefined })} />
        </Space>
      ) : (
        <span data-testid="loop-range" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('loop.range', { from: query.from, to: query.to })}
        </span>
      )}
      {role === 'analyst' ? (
        <Tag data-testid="loop-own-team">{t('loop.ownTeam', { team: report?.team ?? '' })}</Tag>
      ) : (
        <TeamSelect testId="loop-team" teams={report?.teams ?? []} value={search.team} onChange={(team) => onSearchChange({ team })} />
      )}
      <ChannelSelect testId="loop-channel" value={search.channel} onChange={(channel) => onSearchChange({ channel })} />
    </Space>
  );
}
