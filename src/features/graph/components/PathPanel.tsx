import { Alert, Button, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { shortestPath } from '../model/analysis';
import type { WorkingSet } from '../model/graph-model';
import { useGraphStore } from '../state/graph-store';
import { EntityLabel, RecordLinks, type Open } from './shared';
import { LinkButton } from '@/components/LinkButton';

type Props = { set: WorkingSet; excludeHubs: boolean; onExcludeHubs: (v: boolean) => void; onOpen: Open; onSelect: (id: string) => void };

/** 路径: fewest hops between two chosen entities, and the complaints and evidence behind each hop. */
export function PathPanel({ set, excludeHubs, onExcludeHubs, onOpen, onSelect }: Props) {
  const { t } = useTranslation();
  const { pathEnds, path, setPath, setPathEnd } = useGraphStore();
  const [from, to] = pathEnds;
  const fromEntity = from ? set.entities.get(from) : undefined;
  const toEntity = to ? set.entities.get(to) : undefined;
  const searched = path !== null;

  const find = () => {
    if (!from || !to) return;
    const result = shortestPath({ entities: [...set.entities.values()], links: [...set.links.values()] }, from, to, { excludeHubs });
    setPath(result ?? { nodeIds: [], hops: [] });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="graph-path-panel">
      <Typography.Text type="secondary">{t('graph.path.help')}</Typography.Text>
      <div>
        <Typography.Text strong>{t('graph.path.from')}: </Typography.Text>
        {fromEntity ? <EntityLabel entity={fromEntity} /> : <Typography.Text type="secondary">—</Typography.Text>}
      </div>
      <div>
        <Typography.Text strong>{t('graph.path.to')}: </Typography.Text>
        {toEntity ? <EntityLabel entity={toEntity} /> : <Typography.Text type="secondary">—</Typography.Text>}
      </div>
      <Space>
        <Switch size="small" checked={excludeHubs} onChange={onExcludeHubs} data-testid="graph-path-exclude-hubs" />
        <Typography.Text>{t('graph.excludeHubs')}</Typography.Text>
      </Space>
      <Space>
        <Button type="primary" disabled={!fromEntity || !toEntity} onClick={find} data-testid="graph-find-path">
          {t('graph.path.find')}
        </Button>
        <Button
          onClick={() => {
            setPath(null);
            setPathEnd(0, null);
            setPathEnd(1, null);
          }}
        >
          {t('graph.path.clear')}
        </Button>
      </Space>
      {searched && path.nodeIds.length === 0 && <Alert type="info" showIcon data-testid="graph-no-path" message={t('graph.path.none')} />}
      {searched && path.nodeIds.length > 0 && (
        <div data-testid="graph-path-result" data-hops={path.hops.length}>
          <Typography.Text strong>{t('graph.path.hops', { count: path.hops.length })}</Typography.Text>
          <Timeline
            style={{ marginTop: 8 }}
            items={path.nodeIds.map((id, i) => {
              const e = set.entities.get(id);
              const hop = path.hops[i];
              return {
                key: id,
                children: (
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <LinkButton onClick={() => onSelect(id)}>{e ? <EntityLabel entity={e} /> : id}</LinkButton>
                    {hop && (
                      <div data-testid="graph-path-hop" style={{ paddingLeft: 8, borderLeft: '2px solid #f5222d' }}>
                        {hop.links.map((l) => (
                          <Tag key={l.id} color="red">
                            {t(`graph.linkType.${l.type}`)}
                          </Tag>
                        ))}
                        <RecordLinks complaintIds={[...new Set(hop.links.flatMap((l) => l.complaintIds))]} evidenceIds={[...new Set(hop.links.flatMap((l) => l.evidenceIds))]} onOpen={onOpen} limit={8} />
                      </div>
                    )}
                  </Space>
                ),
              };
            })}
          />
        </div>
      )}
      {!searched && !fromEntity && <EmptyState description={t('graph.path.pick')} />}
    </Space>
  );
}
