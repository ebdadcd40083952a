import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { channelSchema, type Channel } from '@/api/schemas';

/** The team the figures are for (empty: every team), as the dashboard and the 月报 both offer it. */
export function TeamSelect({ teams, value, onChange, testId }: { teams: readonly string[]; value: string | undefined; onChange: (team: string | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Select
      allowClear
      data-testid={testId}
      style={{ width: 150 }}
      aria-label={t('loop.team')}
      placeholder={t('loop.allTeams')}
      value={value}
      onChange={onChange}
      options={teams.map((team) => ({ value: team, label: team }))}
    />
  );
}

/** The channels the figures are for (none picked: every channel). */
export function ChannelSelect({ value, onChange, testId }: { value: Channel[] | undefined; onChange: (channels: Channel[] | undefined) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      data-testid={testId}
      style={{ width: 220 }}
      aria-label={t('loop.channel')}
      placeholder={t('loop.allChannels')}
      value={value ?? []}
      onChange={(v) => onChange(v.length ? v : undefined)}
      options={channelSchema.options.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
    />
  );
}
