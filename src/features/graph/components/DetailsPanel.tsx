import { DownOutlined } from '@ant-design/icons';
import { Button, Descriptions, Dropdown, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { linkTypeSchema, type LinkType } from '@/api/schemas';
import { EmptyState } from '@/components/EmptyState';
import { formatDateTime } from '@/lib/format';
import { complaintsBehindEntity, evidenceBehindEntity, parseCommunityNodeId, type WorkingSet } from '../model/graph-model';
import { communityColor } from '../model/styles';
import { useGraphStore } from '../state/graph-store';
import { EntityLabel, RecordLinks, type Open } from './shared';

type Props = {
  selected: string | null;
  set: WorkingSet;
  onExpand: (id: string, linkType?: LinkType) => void;
  onCollapse: (id: string) => void;
  onFocus: (id: string) => void;
  onOpen: Open;
  busy: boolean;
};

/** 详情: the selected entity, link or collapsed community, with what stands behind it. */
export function DetailsPanel({ selected, set, onExpand, onCollapse, onFocus, onOpen, busy }: Props) {
  const { t } = useTranslation();
  const { hidden, pinned, toggleHidden, togglePinned, setPathEnd, communities, toggleCollapsed } = useGraphStore();
  if (!selected) return <EmptyState description={t('graph.details.none')} />;

  const community = parseCommunityNodeId(selected);
  if (community !== null) {
    const size = communities?.sizes.get(community) ?? 0;
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="graph-details" data-kind="community">
        <Typography.Title level={5} style={{ margin: 0 }}>
          <Tag color={communityColor(community)}>{t('graph.community.name', { n: community + 1 })}</Tag>
          {t('graph.community.members', { count: size })}
        </Typography.Title>
        <Button type="primary" data-testid="graph-expand-community" onClick={() => toggleCollapsed(community)}>
          {t('graph.community.expand')}
        </Button>
      </Space>
    );
  }

  const entity = set.entities.get(selected);
  if (entity) {
    const complaints = complaintsBehindEntity(set, entity.id);
    const evidence = evidenceBehindEntity(set, entity.id);
    const c = communities?.communityOf[entity.id];
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="graph-details" data-kind="entity" data-entity-id={entity.id}>
        <EntityLabel entity={entity} reveal />
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('graph.details.type')}>{t(`graph.entityType.${entity.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('graph.details.id')}>
            <Typography.Text copyable style={{ fontSize: 12 }}>
              {entity.id}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('graph.details.seen')}>
            {formatDateTime(entity.firstSeen)} — {formatDateTime(entity.lastSeen)}
          </Descriptions.Item>
          {c !== undefined && (
            <Descriptions.Item label={t('graph.community.title')}>
              <Tag color={communityColor(c)}>{t('graph.community.name', { n: c + 1 })}</Tag>
            </Descriptions.Item>
          )}
          {Object.entries(entity.attributes).map(([k, v]) => (
            <Descriptions.Item key={k} label={t(`graph.attr.${k}`, k)}>
              {v}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Space wrap>
          <Dropdown.Button
            type="primary"
            size="small"
            loading={busy}
            data-testid="graph-expand"
            onClick={() => onExpand(entity.id)}
            icon={<DownOutlined />}
            menu={{ items: linkTypeSchema.options.map((lt) => ({ key: lt, label: t(`graph.linkType.${lt}`) })), onClick: ({ key }) => onExpand(entity.id, key as LinkType) }}
          >
            {t('graph.actions.expand')}
          </Dropdown.Button>
          <Button size="small" data-testid="graph-collapse" onClick={() => onCollapse(entity.id)}>
            {t('graph.actions.collapse')}
          </Button>
          <Button size="small" data-testid="graph-hide" onClick={() => toggleHidden(entity.id)}>
            {hidden.has(entity.id) ? t('graph.actions.unhide') : t('graph.actions.hide')}
          </Button>
          <Button size="small" data-testid="graph-pin" onClick={() => togglePinned(entity.id)}>
            {pinned.has(entity.id) ? t('graph.actions.unpin') : t('graph.actions.pin')}
          </Button>
          <Button size="small" onClick={() => onFocus(entity.id)}>
            {t('graph.actions.focus')}
          </Button>
          <Button size="small" data-testid="graph-path-from" onClick={() => setPathEnd(0, entity.id)}>
            {t('graph.path.setFrom')}
          </Button>
          <Button size="small" data-testid="graph-path-to" onClick={() => setPathEnd(1, entity.id)}>
            {t('graph.path.setTo')}
          </Button>
        </Space>
        <RecordLinks complaintIds={complaints} evidenceIds={evidence} onOpen={onOpen} />
      </Space>
    );
  }

  const link = set.links.get(selected);
  if (link) {
    const source = set.entities.get(link.source);
    const target = set.entities.get(link.target);
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="graph-details" data-kind="link">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t(`graph.linkType.${link.type}`)}
        </Typography.Title>
        {source && <EntityLabel entity={source} />}
        {target && <EntityLabel entity={target} />}
        <Typography.Text type="secondary">
          {formatDateTime(link.firstSeen)} — {formatDateTime(link.lastSeen)}
        </Typography.Text>
        <RecordLinks complaintIds={link.complaintIds} evidenceIds={link.evidenceIds} onOpen={onOpen} />
      </Space>
    );
  }

  if (selected.startsWith('agg:')) {
    return <EmptyState description={t('graph.details.aggregate')} />;
  }
  return <EmptyState description={t('graph.details.gone')} />;
}
