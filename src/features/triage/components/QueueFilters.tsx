import { ClearOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Tag } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { usersQuery } from '@/api/resources/session';
import { channelSchema, complaintLabelSchema, complaintStatusSchema, gradeSchema, signalCodeSchema } from '@/api/schemas';
import { CLEAR_FILTERS, effectiveStatus, hasFilters, isDefaultStatus, type QueueSearch, type QueueSearchPatch } from '../api/queue-search';

type Props = { search: QueueSearch; onChange: (patch: QueueSearchPatch) => void };

const DEADLINES = ['overdue', 'within1', 'within3', 'within7', 'met', 'late'] as const;
/** What the filter bar shows (the keys Clear resets): a new order or an opened complaint leaves it as it is. Compared by content: lists arrive as new arrays on every navigation. */
const SHOWN_KEYS = Object.keys(CLEAR_FILTERS) as (keyof QueueSearch)[];

/** Every filter writes to the URL; the list starts again from the top. */
export const QueueFilters = memo(function QueueFilters({ search, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: QueueSearchPatch) => onChange(patch);
  const users = useQuery(usersQuery());
  // Fixed widths: with a minimum only, "responsive" tag folding and the select's width feed each other and
  // the box flickers between two sizes (and cannot be clicked while it moves).
  const multi = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, size: 'middle' as const };

  return (
    <Space wrap size={8} data-testid="queue-filters">
      <Input.Search
        // Remount when the URL changes from elsewhere (back button, clear) so the box shows the URL's text.
        key={search.q ?? ''}
        data-testid="filter-q"
        allowClear
        defaultValue={search.q}
        aria-label={t('queue.filter.q')}
        placeholder={t('queue.filter.q')}
        style={{ width: 240 }}
        onSearch={(value) => set({ q: value.trim() || undefined })}
      />
      <Select
        {...multi}
        data-testid="filter-status"
        style={{ width: 180 }}
        // Empty means every status (written as an explicit empty list); the default is open work only.
        aria-label={t('queue.filter.allStatuses')}
        placeholder={t('queue.filter.allStatuses')}
        value={effectiveStatus(search)}
        onChange={(v) => set({ status: isDefaultStatus(v) ? undefined : v })}
        options={complaintStatusSchema.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Select
        {...multi}
        data-testid="filter-channel"
        style={{ width: 180 }}
        aria-label={t('queue.filter.channel')}
        placeholder={t('queue.filter.channel')}
        value={search.channel ?? []}
        onChange={(v) => set({ channel: v.length ? v : undefined })}
        options={channelSchema.options.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
      />
      <Select
        {...multi}
        data-testid="filter-grade"
        style={{ width: 160 }}
        aria-label={t('queue.filter.grade')}
        placeholder={t('queue.filter.grade')}
        value={search.grade ?? []}
        onChange={(v) => set({ grade: v.length ? v : undefined })}
        options={gradeSchema.options.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
      />
      <Select
        {...multi}
        data-testid="filter-signal"
        style={{ width: 190 }}
        aria-label={t('triage.filter.signal')}
        placeholder={t('triage.filter.signal')}
        value={search.signal ?? []}
        onChange={(v) => set({ signal: v.length ? v : undefined })}
        options={signalCodeSchema.options.map((c) => ({ value: c, label: t(`signal.${c}`) }))}
      />
      <Select
        {...multi}
        data-testid="filter-label"
        style={{ width: 160 }}
        aria-label={t('triage.filter.label')}
        placeholder={t('triage.filter.label')}
        value={search.label ?? []}
        onChange={(v) => set({ label: v.length ? v : undefined })}
        options={complaintLabelSchema.options.map((l) => ({ value: l, label: t(`label.${l}`) }))}
      />
      <Select
        data-testid="filter-assignee"
        style={{ width: 140 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('queue.filter.assignee')}
        placeholder={t('queue.filter.assignee')}
        value={search.assignee}
        onChange={(v) => set({ assignee: v })}
        options={[
          { value: 'me', label: t('queue.filter.mine') },
          { value: 'unassigned', label: t('queue.filter.unassigned') },
          ...(users.data ?? []).filter((u) => u.role !== 'auditor').map((u) => ({ value: u.id, label: u.name })),
        ]}
      />
      <Select
        data-testid="filter-deadline"
        style={{ width: 150 }}
        allowClear
        aria-label={t('queue.filter.deadline')}
        placeholder={t('queue.filter.deadline')}
        value={search.deadline}
        onChange={(v) => set({ deadline: v })}
        options={DEADLINES.map((d) => ({ value: d, label: t(`queue.deadline.${d}`) }))}
      />
      <Select
        data-testid="filter-team"
        style={{ width: 130 }}
        allowClear
        aria-label={t('queue.filter.team')}
        placeholder={t('queue.filter.team')}
        value={search.team}
        onChange={(v) => set({ team: v })}
        options={[...new Set((users.data ?? []).filter((u) => u.role === 'analyst' || u.role === 'lead').map((u) => u.team))].sort().map((team) => ({ value: team, label: team }))}
      />
      {(search.receivedFrom || search.receivedTo) && (
        <Tag closable color="blue" data-testid="filter-received" onClose={() => set({ receivedFrom: undefined, receivedTo: undefined })} style={{ paddingBlock: 4 }}>
          {t('queue.filter.received', { from: search.receivedFrom ?? '…', to: search.receivedTo ?? '…' })}
        </Tag>
      )}
      {search.family && (
        <Tag closable color="purple" data-testid="filter-family" onClose={() => set({ family: undefined })} style={{ paddingBlock: 4 }}>
          {t('triage.filter.family', { id: search.family })}
        </Tag>
      )}
      {search.alert && (
        <Tag closable color="red" data-testid="filter-alert" onClose={() => set({ alert: undefined })} style={{ paddingBlock: 4 }}>
          {t('triage.filter.alert', { id: search.alert })}
        </Tag>
      )}
      {hasFilters(search) && (
        <Button icon={<ClearOutlined />} data-testid="filter-clear" onClick={() => set(CLEAR_FILTERS)}>
          {t('queue.filter.clear')}
        </Button>
      )}
    </Space>
  );
}, (a, b) => a.onChange === b.onChange && SHOWN_KEYS.every((k) => JSON.stringify(a.search[k]) === JSON.stringify(b.search[k])));
