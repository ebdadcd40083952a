import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, InputNumber, List, Select, Space, Statistic, Switch, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKeys, caseQueries, createCase, updateCase } from '@/api/resources/cases';
import { complaintKeys } from '@/api/resources/complaints';
import type { Case, EntityType } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';
import { summariseCommunity } from '../model/analysis';
import type { WorkingSet } from '../model/graph-model';
import { communityColor } from '../model/styles';
import { useGraphStore } from '../state/graph-store';
import { CommunityCaseDialog } from './CommunityCaseDialog';
import { TypeSwatch } from './Legend';
import { AppLink, EntityLabel, RecordLinks, type Open } from './shared';
import { LinkButton } from '@/components/LinkButton';

type Props = {
  set: WorkingSet;
  version: number;
  excludeHubs: boolean;
  onExcludeHubs: (v: boolean) => void;
  onDetect: () => void;
  detecting: boolean;
  detectError: unknown;
  onOpen: Open;
  onSelect: (id: string) => void;
  onCaseSaved: (kase: Case, entityIds: string[]) => void;
};

// The trace draws charts: their library loads when someone opens a trace, not with the graph.
const SpreadView = lazy(() => import('@/components/spread/SpreadView').then((m) => ({ default: m.SpreadView })));

/** 社区: Louvain communities of what is on screen, what holds each together, and turning one into a case. */
export function CommunityPanel({ set, version, excludeHubs, onExcludeHubs, onDetect, detecting, detectError, onOpen, onSelect, onCaseSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { communities, collapsed, toggleCollapsed, setAllCollapsed, minCommunitySize, setMinCommunitySize } = useGraphStore();
  const [chosen, setChosen] = useState<number | null>(null);
  const [targetCase, setTargetCase] = useState<string | null>(null);
  /** The confirmation open: for a new case, or for adding to `caseId`. */
  const [dialog, setDialog] = useState<{ caseId?: string } | null>(null);
  /** The community's entities being traced (溯源) in the drawer. */
  const [tracing, setTracing] = useState<string[] | null>(null);
  const cases = useQuery({ ...caseQueries.list({ pageSize: 200 }), enabled: chosen !== null });

  const summary = useMemo(() => {
    if (!communities || chosen === null) return null;
    void version; // the working set is mutated in place; version says when it changed
    return summariseCommunity({ entities: [...set.entities.values()], links: [...set.links.values()] }, communities.communityOf, chosen);
  }, [communities, chosen, set, version]);

  const afterSave = (kase: Case) => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
    if (summary) onCaseSaved(kase, summary.members.map((m) => m.id));
  };
  const create = useMutation({
    mutationFn: ({ complaintIds, inOtherCase }: { complaintIds: string[]; inOtherCase: 'leave' | 'move' }) =>
      createCase({
        title: t('graph.community.caseTitle', { n: (chosen ?? 0) + 1, glue: summary?.glue[0]?.entity.label ?? '', size: summary?.size ?? 0 }),
        priority: 'high',
        complaintIds,
        entityIds: summary?.members.map((m) => m.id) ?? [],
        assigneeId: null,
        inOtherCase,
      }),
    onSuccess: (kase) => {
      afterSave(kase);
      setDialog(null);
      message.success(t('graph.community.caseCreated', { id: kase.id }));
    },
  });
  const add = useMutation({
    mutationFn: async ({ caseId, complaintIds }: { caseId: string; complaintIds: string[] }) => {
      const kase = cases.data?.items.find((c) => c.id === caseId) ?? (await queryClient.fetchQuery(caseQueries.detail(caseId)));
      return updateCase(caseId, { version: kase.version, addEntityIds: summary?.members.map((m) => m.id) ?? [], addComplaintIds: complaintIds });
    },
    onSuccess: (kase) => {
      afterSave(kase);
      setDialog(null);
      message.success(t('graph.community.addedToCase', { id: kase.id }));
    },
  });

  const list = communities ? [...communities.sizes.entries()].filter(([, size]) => size >= minCommunitySize) : [];

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="graph-community-panel">
      <Space wrap>
        <Button type="primary" loading={detecting} onClick={onDetect} data-testid="graph-detect">
          {t('graph.community.detect')}
        </Button>
        <Switch size="small" checked={excludeHubs} onChange={onExcludeHubs} data-testid="graph-community-exclude-hubs" />
        <Typography.Text>{t('graph.excludeHubs')}</Typography.Text>
      </Space>
      {detectError ? <ApiErrorAlert error={detectError} onRetry={onDetect} /> : null}
      {!communities && !detecting && <EmptyState description={t('graph.community.none')} />}
      {communities && (
        <>
          <Space size={24} data-testid="graph-community-stats" data-count={communities.count}>
            <Statistic title={t('graph.community.count')} value={communities.count} />
            <Statistic title={t('graph.community.modularity')} value={communities.modularity} precision={3} />
            <Statistic title={t('graph.community.time')} value={communities.ms} precision={0} suffix="ms" />
          </Space>
          <Space wrap>
            <Button size="small" onClick={() => setAllCollapsed(true)} data-testid="graph-collapse-all">
              {t('graph.community.collapseAll')}
            </Button>
            <Button size="small" onClick={() => setAllCollapsed(false)} data-testid="graph-expand-all">
              {t('graph.community.expandAll')}
            </Button>
            <Typography.Text>{t('graph.community.minSize')}</Typography.Text>
            <InputNumber size="small" min={1} max={500} value={minCommunitySize} onChange={(v) => setMinCommunitySize(v ?? 1)} data-testid="graph-min-size" style={{ width: 70 }} />
          </Space>
          <List
            size="small"
            style={{ maxHeight: 220, overflow: 'auto' }}
            dataSource={list.slice(0, 200)}
            renderItem={([c, size]) => (
              <List.Item
                data-testid="graph-community-item"
                data-community={c}
                style={{ cursor: 'pointer', background: chosen === c ? '#e6f4ff' : undefined }}
                onClick={() => setChosen(c)}
                actions={[
                  <a
                    key="toggle"
                    data-testid="graph-community-toggle"
                    onClick={(e) => {
                      e.stopPropagation();
                      toggleCollapsed(c);
                    }}
                  >
                    {collapsed.has(c) ? t('graph.community.expand') : t('graph.community.collapse')}
                  </a>,
                ]}
              >
                <Space>
                  <Tag color={communityColor(c)}>{t('graph.community.name', { n: c + 1 })}</Tag>
                  {t('graph.community.members', { count: size })}
                </Space>
              </List.Item>
            )}
          />
          {list.length > 200 && <Typography.Text type="secondary">{t('graph.community.more', { count: list.length - 200 })}</Typography.Text>}
        </>
      )}
      {summary && (
        <div data-testid="graph-community-summary" data-size={summary.size} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
          <Typography.Title level={5}>
            <Tag color={communityColor(summary.community)}>{t('graph.community.name', { n: summary.community + 1 })}</Tag>
            {t('graph.community.members', { count: summary.size })}
          </Typography.Title>
          <Space wrap size={[8, 4]}>
            {Object.entries(summary.typeCounts).map(([type, n]) => (
              <Space key={type} size={2}>
                <TypeSwatch type={type as EntityType} />
                <span>
                  {t(`graph.entityType.${type}`)} {n}
                </span>
              </Space>
            ))}
          </Space>
          <Typography.Paragraph strong style={{ margin: '8px 0 4px' }}>
            {t('graph.community.glue')}
          </Typography.Paragraph>
          {summary.glue.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
          {summary.glue.slice(0, 10).map(({ entity, degree }) => (
            <div key={entity.id} data-testid="graph-community-glue">
              <LinkButton onClick={() => onSelect(entity.id)}>
                <EntityLabel entity={entity} />
              </LinkButton>{' '}
              <Typography.Text type="secondary">{t('graph.community.degree', { count: degree })}</Typography.Text>
            </div>
          ))}
          <Typography.Paragraph strong style={{ margin: '8px 0 4px' }}>
            {t('graph.community.memberList')}
          </Typography.Paragraph>
          <div style={{ maxHeight: 140, overflow: 'auto' }}>
            {summary.members.slice(0, 100).map((m) => (
              <div key={m.id}>
                <LinkButton onClick={() => onSelect(m.id)}>
                  <EntityLabel entity={m} />
                </LinkButton>
              </div>
            ))}
            {summary.members.length > 100 && <Typography.Text type="secondary">+{summary.members.length - 100}</Typography.Text>}
          </div>
          <RecordLinks complaintIds={summary.complaintIds} evidenceIds={summary.evidenceIds} onOpen={onOpen} limit={20} />
          <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
            {summary.complaintIds.length > 0 && (
              <Button block onClick={() => setTracing(summary.members.map((m) => m.id))} title={t('spread.openHint')} data-testid="graph-community-spread">
                {t('spread.open')}
              </Button>
            )}
            <Button type="primary" block onClick={() => setDialog({})} data-testid="graph-create-case">
              {t('graph.community.createCase')}
            </Button>
            {create.data && (
              <AppLink href={`/graph?case=${encodeURIComponent(create.data.id)}`} onOpen={onOpen} testId="graph-created-case">
                {t('graph.community.openCase', { id: create.data.id })}
              </AppLink>
            )}
            <Space.Compact style={{ width: '100%' }}>
              <Select
                style={{ flex: 1 }}
                aria-label={t('graph.community.pickCase')}
                placeholder={t('graph.community.pickCase')}
                loading={cases.isPending}
                value={targetCase}
                onChange={setTargetCase}
                showSearch
                optionFilterProp="label"
                options={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.id})` }))}
                data-testid="graph-case-select"
              />
              <Button disabled={!targetCase} onClick={() => targetCase && setDialog({ caseId: targetCase })} data-testid="graph-add-to-case">
                {t('graph.community.addToCase')}
              </Button>
            </Space.Compact>
          </Space>
          <Drawer
            open={tracing !== null}
            onClose={() => setTracing(null)}
            width="min(1100px, 96vw)"
            title={t('spread.titleEntities', { count: tracing?.length ?? 0 })}
            destroyOnHidden
            data-testid="graph-spread-drawer"
          >
            {tracing && (
              <Suspense fallback={<LoadingState />}>
                <SpreadView
                  subject={{ kind: 'entities', entityIds: tracing }}
                  onOpen={onOpen}
                  onEntity={(id) => {
                    setTracing(null);
                    onSelect(id);
                  }}
                />
              </Suspense>
            )}
          </Drawer>
          {dialog && (
            <CommunityCaseDialog
              n={summary.community + 1}
              caseId={dialog.caseId}
              complaintIds={summary.complaintIds}
              entityIds={summary.members.map((m) => m.id)}
              pending={create.isPending || add.isPending}
              error={dialog.caseId ? add.error : create.error}
              onCancel={() => {
                setDialog(null);
                create.reset();
                add.reset();
              }}
              onConfirm={(complaintIds, inOtherCase) =>
                dialog.caseId ? add.mutate({ caseId: dialog.caseId, complaintIds }) : create.mutate({ complaintIds, inOtherCase })
              }
            />
          )}
        </div>
      )}
    </Space>
  );
}
