import { Button, Checkbox, Slider, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityTypeSchema, linkTypeSchema, type EntityType, type LinkType } from '@/api/schemas';
import type { GraphSearch, GraphSearchPatch } from '../api/graph-search';
import { LINK_COLOR } from '../model/styles';
import { TypeSwatch } from './Legend';

type Props = {
  search: GraphSearch;
  onSearchChange: (patch: GraphSearchPatch) => void;
  bounds: [string, string] | null;
  hiddenCount: number;
  onShowAll: () => void;
};

const DAY = 86_400_000;

/** 筛选: entity and link types, a time window over first/last seen, hubs. Everything here lives in the URL. */
export function FiltersPanel({ search, onSearchChange, bounds, hiddenCount, onShowAll }: Props) {
  const { t } = useTranslation();
  // The slider moves freely while dragged; the URL (and the graph) changes once, when it is let go.
  const [draft, setDraft] = useState<number[] | null>(null);
  const types = search.types ?? entityTypeSchema.options;
  const linkTypes = search.linkTypes ?? linkTypeSchema.options;
  const lo = bounds ? dayjs(bounds[0]).startOf('day').valueOf() : 0;
  const hi = bounds ? dayjs(bounds[1]).endOf('day').valueOf() : 0;
  const days = Math.max(1, Math.ceil((hi - lo) / DAY));
  const from = search.from ? Math.max(0, Math.round((dayjs(search.from).valueOf() - lo) / DAY)) : 0;
  const to = search.to ? Math.min(days, Math.round((dayjs(search.to).valueOf() - lo) / DAY)) : days;
  const dayAt = (n: number) => dayjs(lo + n * DAY).format('YYYY-MM-DD');

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="graph-filters">
      <Typography.Text strong>{t('graph.filters.entityTypes')}</Typography.Text>
      <Checkbox.Group
        value={types}
        onChange={(v) => onSearchChange({ types: v.length === entityTypeSchema.options.length ? undefined : (v as EntityType[]) })}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }}
      >
        {entityTypeSchema.options.map((type) => (
          <Checkbox key={type} value={type} data-testid={`graph-filter-type-${type}`}>
            <Space size={4}>
              <TypeSwatch type={type} />
              {t(`graph.entityType.${type}`)}
            </Space>
          </Checkbox>
        ))}
      </Checkbox.Group>
      <Typography.Text strong>{t('graph.filters.linkTypes')}</Typography.Text>
      <Checkbox.Group
        value={linkTypes}
        onChange={(v) => onSearchChange({ linkTypes: v.length === linkTypeSchema.options.length ? undefined : (v as LinkType[]) })}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }}
      >
        {linkTypeSchema.options.map((type) => (
          <Checkbox key={type} value={type} data-testid={`graph-filter-link-${type}`}>
            <Space size={4}>
              <span aria-hidden style={{ display: 'inline-block', width: 16, height: 3, background: LINK_COLOR[type] }} />
              {t(`graph.linkType.${type}`)}
            </Space>
          </Checkbox>
        ))}
      </Checkbox.Group>
      <Typography.Text strong>{t('graph.filters.time')}</Typography.Text>
      {bounds ? (
        <div data-testid="graph-time-filter" data-from={search.from ?? ''} data-to={search.to ?? ''}>
          <Slider
            range
            min={0}
            max={days}
            value={draft ?? [from, to]}
            onChange={setDraft}
            tooltip={{ formatter: (v) => (v === undefined ? '' : dayAt(v)) }}
            onChangeComplete={([a, b]) => {
              setDraft(null);
              onSearchChange({ from: a > 0 ? dayAt(a) : undefined, to: b < days ? dayAt(b) : undefined });
            }}
          />
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text type="secondary" data-testid="graph-time-from">
              {dayAt(draft?.[0] ?? from)}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="graph-time-to">
              {dayAt(draft?.[1] ?? to)}
            </Typography.Text>
          </Space>
        </div>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      )}
      <Space>
        <Switch size="small" checked={search.hideHubs ?? false} onChange={(v) => onSearchChange({ hideHubs: v || undefined })} data-testid="graph-hide-hubs" />
        <Typography.Text>{t('graph.filters.hideHubs')}</Typography.Text>
      </Space>
      <Space>
        <Button size="small" onClick={() => onSearchChange({ types: undefined, linkTypes: undefined, from: undefined, to: undefined, hideHubs: undefined })} data-testid="graph-filters-reset">
          {t('graph.filters.reset')}
        </Button>
        <Button size="small" disabled={!hiddenCount} onClick={onShowAll}>
          {t('graph.filters.showHidden', { count: hiddenCount })}
        </Button>
      </Space>
    </Space>
  );
}
