import { useState, type HTMLAttributes } from 'react';
import { ReadOnlyNotice, isReadOnlyRole } from '@/components/ReadOnlyNotice';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { caseTransitions, OPEN_CASE_STATUSES } from '@/api/case-workflow';
import { caseKeys, caseQueries } from '@/api/resources/cases';
import { evidenceQueries } from '@/api/resources/evidence';
import { graphQueries } from '@/api/resources/graph';
import { spreadHrefOf } from '@/components/spread/spread-model';
import { complaintQueries } from '@/api/resources/complaints';
import { sessionQuery, usersQuery } from '@/api/resources/session';
import type { CasePatch, CaseStatus, Complaint } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { DeadlineCountdown } from '@/components/DeadlineCountdown';
import { GradeBadge } from '@/components/GradeBadge';
import { LoadingState } from '@/components/LoadingState';
import { UserName } from '@/components/UserName';
import { errorText } from '@/lib/error-text';
import { formatDateTime } from '@/lib/format';
import { useUpdateCase, type CaseConflict } from '../api/use-update-case';
import { useNoteDrafts } from '../state/note-draft';
import { CaseComments } from './CaseComments';
import { CaseTimeline } from './CaseTimeline';
import { CaseStatusTag, PriorityTag } from './case-labels';
import { ConflictDialog } from './ConflictDialog';
import { MergeDialog } from './MergeDialog';
import { StatusDialog } from './StatusDialog';
import { useReturnFocus } from '@/lib/use-return-focus';

type Props = { caseId: string; onBack: () => void };

/** Links to screens owned by other features (evidence viewer, referrals, graph); plain URLs keep the features apart. */
const evidenceHref = (q: Record<string, string>) => `/evidence?${new URLSearchParams(q).toString()}`;

/** 案件详情: what the case is about, its complaints and evidence, the workflow, and its history. */
export function CasePage({ caseId, onBack }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery());
  const users = useQuery(usersQuery());
  const kase = useQuery(caseQueries.detail(caseId));
  const [conflict, setConflict] = useState<CaseConflict | null>(null);
  const [stepTo, setStepTo] = useState<CaseStatus | null>(null);
  useReturnFocus(!!stepTo);
  const [merging, setMerging] = useState(false);
  const [adding, setAdding] = useState<string[]>([]);
  const [complaintSearch, setComplaintSearch] = useState('');
  const clearDraft = useNoteDrafts((s) => s.clearDraft);
  const update = useUpdateCase(caseId, (c) => {
    setStepTo(null);
    setConflict(c);
  });
  const linked = useQuery({
    queryKey: ['cases', 'detail', caseId, 'complaints', kase.data?.complaintIds],
    enabled: !!kase.data,
    queryFn: async () => {
      const ids = kase.data!.complaintIds;
      // A case holds tens of complaints; one request each is fine for the mock, a real API would batch.
      const all = await Promise.all(ids.map((id) => queryClient.fetchQuery({ ...complaintQueries.detail(id), staleTime: 30_000 }).catch(() => null)));
      return all.filter((c): c is Complaint => c !== null);
    },
  });
  const candidates = useQuery({
    ...complaintQueries.list({ q: complaintSearch || undefined, pageSize: 20, sort: 'riskScore', order: 'desc' }),
    enabled: !!complaintSearch,
  });

  if (kase.isPending) return <LoadingState />;
  if (kase.isError) return <ApiErrorAlert error={kase.error} onRetry={() => void kase.refetch()} />;
  const c = kase.data;
  const role = session.data?.user.role;
  const canWrite = !isReadOnlyRole(role);

  const save = (patch: CasePatch, done?: string) =>
    update.mutate(patch, {
      onSuccess: () => {
        if (patch.note) clearDraft(caseId);
        setStepTo(null);
        setAdding([]);
        if (done) message.success(done);
      },
      onError: (e) => {
        // Step refusals are shown inside the step dialog; everything else as a toast.
        if (!patch.status && !(e as { kind?: string }).kind?.startsWith('conflict')) message.error(errorText(e, t));
      },
    });

  const next = caseTransitions[c.status];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-page" data-case-id={c.id} data-version={c.version}>
      <ReadOnlyNotice role={role} />
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('cases.page.back')} />
            <Typography.Text
              strong
              data-testid="case-page-title"
              editable={canWrite ? { onChange: (title) => title.trim() && title !== c.title && save({ version: c.version, title: title.trim() }), maxLength: 80, triggerType: ['icon'] } : false}
            >
              {c.title}
            </Typography.Text>
            <CaseStatusTag status={c.status} />
            <PriorityTag priority={c.priority} />
          </Space>
        }
        extra={
          <Space wrap>
            {next.map((to) => (
              <Button key={to} data-testid={`step-${to}`} disabled={!canWrite} onClick={() => setStepTo(to)} type={to === 'closed' ? 'default' : 'primary'} ghost={to !== 'closed'}>
                {c.status === 'closed' ? t('cases.workflow.reopen') : t('cases.workflow.moveTo', { status: t(`caseStatus.${to}`) })}
              </Button>
            ))}
            {c.complaintIds.length > 0 && (
              <Button href={spreadHrefOf('case', c.id)} title={t('spread.openHint')} data-testid="case-spread">
                {t('spread.open')}
              </Button>
            )}
            <Button icon={<MergeCellsOutlined />} disabled={!canWrite} onClick={() => setMerging(true)} data-testid="case-merge-open">
              {t('cases.merge.open')}
            </Button>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'id', label: 'ID', children: <Typography.Text code>{c.id}</Typography.Text> },
            {
              key: 'target',
              label: t('cases.page.target'),
              children: (
                <span data-testid="case-target">
                  {t(`cases.targetKind.${c.target.kind}`)} · {c.target.label}
                </span>
              ),
            },
            {
              key: 'assignee',
              label: t('cases.col.assignee'),
              children: canWrite ? (
                <Select
                  data-testid="case-assignee"
                  size="small"
                  style={{ width: 150 }}
                  value={c.assigneeId ?? undefined}
                  allowClear
                  aria-label={t('cases.col.assignee')}
                  placeholder={t('common.unassigned')}
                  onChange={(v?: string) => save({ version: c.version, assigneeId: v ?? null })}
                  options={(users.data ?? [])
                    .filter((u) => u.role !== 'auditor')
                    .map((u) => ({ value: u.id, label: u.away ? `${u.name}（${t('cases.board.away')}）` : u.name, disabled: u.away }))}
                />
              ) : (
                <UserName id={c.assigneeId} />
              ),
            },
            {
              key: 'priority',
              label: t('cases.col.priority'),
              children: canWrite ? (
                <Select
                  size="small"
                  style={{ width: 90 }}
                  aria-label={t('cases.col.priority')}
                  value={c.priority}
                  onChange={(priority) => save({ version: c.version, priority })}
                  options={(['high', 'medium', 'low'] as const).map((p) => ({ value: p, label: t(`cases.priority.${p}`) }))}
                />
              ) : (
                <PriorityTag priority={c.priority} />
              ),
            },
            {
              key: 'due',
              label: t('cases.col.due'),
              // A countdown only means something while the case is still being worked.
              children: OPEN_CASE_STATUSES.has(c.status) ? <DeadlineCountdown dueAt={c.dueAt} status="in_progress" /> : formatDateTime(c.dueAt),
            },
            { key: 'receipt', label: t('cases.workflow.receipt'), children: <span data-testid="case-receipt">{c.policeReceiptNo ?? '—'}</span> },
            { key: 'accepted', label: t('cases.workflow.acceptedAt'), children: formatDateTime(c.acceptedAt) },
            { key: 'filed', label: t('cases.workflow.filedAt'), children: formatDateTime(c.filedAt) },
            { key: 'updated', label: t('cases.conflict.updatedAt'), children: `${formatDateTime(c.updatedAt)} · v${c.version}` },
          ]}
        />
      </Card>

      <Card size="small">
        <Tabs
          items={[
            {
              key: 'complaints',
              label: `${t('cases.tabs.complaints')} (${c.complaintIds.length})`,
              children: (
                <div data-testid="case-complaints">
                  {canWrite && (
                    <Space wrap style={{ marginBottom: 8 }}>
                      <Select
                        data-testid="case-add-complaints"
                        mode="multiple"
                        showSearch={{ filterOption: false, onSearch: (v) => setComplaintSearch(v.trim()) }}
                        style={{ minWidth: 320 }}
                        aria-label={t('cases.complaints.search')}
                        placeholder={t('cases.complaints.search')}
                        value={adding}
                        onChange={setAdding}
                        loading={candidates.isFetching}
                        notFoundContent={complaintSearch ? t('common.empty') : t('cases.complaints.typeToSearch')}
                        options={(candidates.data?.items ?? [])
                          .filter((x) => !c.complaintIds.includes(x.id))
                          .map((x) => ({ value: x.id, label: `${x.id} · ${x.borrowerName}${x.caseId ? ` (${x.caseId})` : ''}` }))}
                      />
                      <Button disabled={!adding.length} loading={update.isPending} onClick={() => save({ version: c.version, addComplaintIds: adding }, t('cases.complaints.added'))}>
                        {t('cases.complaints.add')}
                      </Button>
                    </Space>
                  )}
                  <Table<Complaint>
                    size="small"
                    rowKey="id"
                    loading={linked.isFetching}
                    dataSource={linked.data ?? []}
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    onRow={() => ({ 'data-testid': 'case-complaint' }) as HTMLAttributes<HTMLElement>}
                    columns={[
                      { title: 'ID', dataIndex: 'id', width: 130 },
                      { title: t('cases.col.borrower'), dataIndex: 'borrowerName', width: 90 },
                      { title: t('cases.col.grade'), dataIndex: 'grade', width: 90, render: (g: Complaint['grade']) => <GradeBadge grade={g} /> },
                      { title: t('cases.col.due'), dataIndex: 'dueAt', width: 150, render: (v: string, x) => <DeadlineCountdown dueAt={v} status={x.status} /> },
                      { title: t('cases.col.assignee'), dataIndex: 'assigneeId', width: 90, render: (v: string | null) => <UserName id={v} /> },
                      {
                        key: 'actions',
                        width: 160,
                        render: (_: unknown, x) => (
                          <Space size={4}>
                            <Typography.Link href={evidenceHref({ complaintId: x.id })}>{t('cases.tabs.evidence')}</Typography.Link>
                            {canWrite && (
                              <Popconfirm title={t('cases.complaints.removeConfirm')} onConfirm={() => save({ version: c.version, removeComplaintIds: [x.id] }, t('cases.complaints.removed'))}>
                                <Button size="small" type="link" danger data-testid="case-remove-complaint">
                                  {t('cases.complaints.remove')}
                                </Button>
                              </Popconfirm>
                            )}
                          </Space>
                        ),
                      },
                    ]}
                  />
                </div>
              ),
            },
            {
              key: 'entities',
              label: `${t('cases.tabs.entities')} (${c.entityIds.length})`,
              children: c.entityIds.length ? (
                <Space wrap data-testid="case-entities">
                  <a href={`/graph?case=${encodeURIComponent(c.id)}`} data-testid="case-graph-link">
                    {t('cases.page.openGraph')}
                  </a>
                  <CaseEntities ids={c.entityIds} />
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('cases.page.noEntities')}</Typography.Text>
              ),
            },
            {
              key: 'evidence',
              label: `${t('cases.tabs.evidence')} (${c.evidenceIds.length})`,
              children: (
                <Space orientation="vertical" data-testid="case-evidence">
                  <Typography.Link href={evidenceHref({ caseId: c.id })} data-testid="case-open-evidence">
                    {t('cases.page.openEvidence')}
                  </Typography.Link>
                  <CaseEvidence caseId={c.id} ids={c.evidenceIds} />
                </Space>
              ),
            },
            {
              key: 'referrals',
              label: `${t('cases.tabs.referrals')} (${c.referralIds.length})`,
              children: (
                <Space orientation="vertical" data-testid="case-referrals">
                  {canWrite && (
                    <Button href={`/referrals/new?caseId=${encodeURIComponent(c.id)}`} data-testid="case-new-referral">
                      {t('cases.page.newReferral')}
                    </Button>
                  )}
                  {c.referralIds.length === 0 && <Typography.Text type="secondary">{t('cases.page.noReferrals')}</Typography.Text>}
                  {c.referralIds.map((id) => (
                    <a key={id} href={`/referrals/${encodeURIComponent(id)}`}>
                      {id}
                    </a>
                  ))}
                </Space>
              ),
            },
            {
              key: 'notes',
              label: `${t('cases.tabs.notes')} (${c.notes.length})`,
              children: <CaseComments kase={c} canWrite={canWrite} saving={update.isPending} onSave={(p) => save(p, t('cases.notes.saved'))} />,
            },
            { key: 'timeline', label: t('cases.tabs.timeline'), children: <CaseTimeline caseId={c.id} /> },
          ]}
        />
      </Card>

      <StatusDialog
        key={stepTo ?? 'none'}
        kase={c}
        to={stepTo}
        saving={update.isPending}
        error={update.isError && update.variables?.status ? update.error : null}
        onCancel={() => {
          setStepTo(null);
          update.reset();
        }}
        onSubmit={(patch) => save(patch, t('cases.workflow.moved', { status: t(`caseStatus.${patch.status!}`) }))}
      />
      <MergeDialog kase={c} open={merging} onClose={() => setMerging(false)} />
      <ConflictDialog
        conflict={conflict}
        reapplying={update.isPending}
        onDiscard={(current) => {
          queryClient.setQueryData(caseKeys.detail(caseId), current);
          setConflict(null);
          message.info(t('cases.conflict.discarded'));
        }}
        onReapply={(patch, current) => {
          queryClient.setQueryData(caseKeys.detail(caseId), current);
          setConflict(null);
          save({ ...patch, version: current.version }, t('cases.conflict.reapplied'));
        }}
      />
    </Space>
  );
}

/** The case's graph entities by type and label (masked where personal), each opening the graph on it. */
function CaseEntities({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const graph = useQuery(graphQueries.subgraph(ids));
  const byId = new Map((graph.data?.entities ?? []).map((e) => [e.id, e]));
  if (graph.isError) return <ApiErrorAlert compact error={graph.error} onRetry={() => void graph.refetch()} />;
  return (
    <>
      {ids.map((id) => {
        const e = byId.get(id);
        return (
          <Tag key={id} data-testid="case-entity" data-entity-id={id}>
            <a href={`/graph?entity=${encodeURIComponent(id)}`} title={id}>
              {e ? `${t(`graph.entityType.${e.type}`)}：${e.label}` : graph.isPending ? '…' : id}
            </a>
          </Tag>
        );
      })}
    </>
  );
}

/** The case's evidence by title, each opening the viewer on it. */
function CaseEvidence({ caseId, ids }: { caseId: string; ids: string[] }) {
  const list = useQuery(evidenceQueries.list({ caseId }));
  const byId = new Map((list.data ?? []).map((e) => [e.id, e]));
  if (list.isError) return <ApiErrorAlert compact error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Space wrap>
      {ids.map((id) => (
        <Tag key={id} data-testid="case-evidence-item">
          <a href={evidenceHref({ caseId, id })} title={id}>
            {byId.get(id)?.title ?? (list.isPending ? '…' : id)}
          </a>
        </Tag>
      ))}
    </Space>
  );
}
