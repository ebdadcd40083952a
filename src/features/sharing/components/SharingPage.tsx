import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { sessionQuery } from '@/api/resources/session';
import { addPeer, cancelSession, exportReport, saveInstitution, setPeerRevoked, sharingKeys, sharingQueries, tagMatches, createSession } from '@/api/resources/sharing';
import { sharedTypeSchema, type Institution, type PeerCreate, type SharedType, type SharingCreate, type SharingSession } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { dayjs } from '@/lib/dayjs';
import { downloadBlob } from '@/lib/download';
import { PsiSecretLost } from '../api/psi-client';
import { BadFile, heldFile, readSharingFile, useSessionSteps, type StepState } from '../api/use-step';

const TYPES = sharedTypeSchema.options;
const ACTIVE: SharingSession['status'][] = ['draft', 'request_sent', 'response_received', 'request_received'];

/** A failure in words: the server's refusal, a file that is not one, or a secret this tab no longer holds. */
function useExplain() {
  const { t } = useTranslation();
  return (e: unknown) =>
    e instanceof BadFile ? t(`sharing.badFile.${e.reason}`) : e instanceof PsiSecretLost ? t('sharing.secretLost') : isApiError(e) || e instanceof Error ? e.message : String(e);
}

export function SharingPage({ sessionId, onOpen }: { sessionId?: string; onOpen: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const me = useQuery(sessionQuery());
  const overview = useQuery(sharingQueries.overview());
  const role = me.data?.user.role;
  const [creating, setCreating] = useState(false);
  const steps = useSessionSteps();
  const { message } = App.useApp();
  const explain = useExplain();
  const pick = useRef<HTMLInputElement>(null);

  if (overview.isError) return <ApiErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  const isLead = role === 'lead';

  const onPickRequest = async (file: File | undefined) => {
    if (!file) return;
    try {
      const got = await steps.importStep(await readSharingFile(file));
      if (got !== 'cancelled' && 'manifest' in got) {
        message.success(t('sharing.requestImported', { peer: got.manifest.initiator.name }));
        onOpen(got.id);
      }
    } catch (e) {
      message.error(explain(e), 8);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="sharing-page">
      <InstitutionsCard self={data?.self ?? null} peers={data?.peers ?? []} canEdit={role === 'admin'} loading={overview.isLoading} />
      <Card
        title={t('sharing.sessions')}
        extra={
          isLead && (
            <Space>
              <input ref={pick} type="file" accept=".json,application/json" hidden data-testid="sharing-import-request" onChange={(e) => void onPickRequest(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
              <Button onClick={() => pick.current?.click()} disabled={!data?.self || steps.busy}>
                {t('sharing.importRequest')}
              </Button>
              <Button type="primary" onClick={() => setCreating(true)} disabled={!data?.self || !data.peers.some((p) => !p.revoked)} data-testid="sharing-create">
                {t('sharing.create')}
              </Button>
            </Space>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('sharing.intro')}</Typography.Paragraph>
        {data && !data.self && <Alert type="info" showIcon message={t(role === 'admin' ? 'sharing.notSetUpAdmin' : 'sharing.notSetUp')} style={{ marginBottom: 12 }} />}
        <StepProgress state={steps.state} onCancel={steps.cancel} />
        <Table<SharingSession>
          rowKey="id"
          size="small"
          loading={overview.isLoading}
          dataSource={data?.sessions ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="sharing-sessions"
          onRow={(s) => ({ onClick: () => onOpen(s.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('sharing.session'), dataIndex: 'id', render: (id: string) => <Typography.Link onClick={() => onOpen(id)}>{id}</Typography.Link> },
            { title: t('sharing.role'), dataIndex: 'role', render: (r: SharingSession['role']) => t(`sharing.roles.${r}`) },
            { title: t('sharing.peer'), render: (_, s) => (s.role === 'initiator' ? s.manifest.responder.name : s.manifest.initiator.name) },
            { title: t('sharing.types'), render: (_, s) => s.manifest.types.map((x) => <Tag key={x}>{t(`sharingType.${x}`)}</Tag>) },
            { title: t('sharing.status'), dataIndex: 'status', render: (st: SharingSession['status']) => <Tag color={st === 'matched' ? 'green' : st === 'cancelled' ? 'default' : 'blue'} data-testid="sharing-status">{t(`sharing.statuses.${st}`)}</Tag> },
            { title: t('sharing.matchedCount'), render: (_, s) => (s.role === 'initiator' && s.status === 'matched' ? s.matches.length : '—') },
            { title: t('sharing.created'), dataIndex: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      </Card>
      {creating && data && (
        <NewSessionModal
          peers={data.peers.filter((p) => !p.revoked)}
          onClose={(created) => {
            setCreating(false);
            if (created) onOpen(created.id);
          }}
        />
      )}
      <Drawer open={!!sessionId} width={760} onClose={() => onOpen(undefined)} title={sessionId} destroyOnHidden>
        {sessionId && <SessionPanel id={sessionId} isLead={isLead} steps={steps} />}
      </Drawer>
    </Space>
  );
}

function StepProgress({ state, onCancel }: { state: StepState; onCancel: () => void }) {
  const { t } = useTranslation();
  if (!state) return null;
  const percent = state.total ? Math.floor((state.done / state.total) * 100) : undefined;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      data-testid="sharing-progress"
      message={t(`sharing.phase.${state.phase}`)}
      description={percent === undefined ? <Progress percent={100} status="active" showInfo={false} /> : <Progress percent={percent} />}
      action={
        <Button size="small" onClick={onCancel} data-testid="sharing-cancel-step">
          {t('common.cancel')}
        </Button>
      }
    />
  );
}

function InstitutionsCard({ self, peers, canEdit, loading }: { self: Institution | null; peers: Institution[]; canEdit: boolean; loading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: sharingKeys.all });
  const [adding, setAdding] = useState(false);
  const save = useMutation({ mutationFn: saveInstitution, onSuccess: async () => (await refresh(), message.success(t('sharing.saved'))) });
  const add = useMutation({ mutationFn: addPeer, onSuccess: async () => (await refresh(), setAdding(false), message.success(t('sharing.peerAdded'))) });
  const revoke = useMutation({ mutationFn: (p: Institution) => setPeerRevoked(p.id, { revoked: !p.revoked, version: p.version }), onSuccess: refresh, onError: (e) => message.error(e.message) });
  const card = self ? JSON.stringify({ id: self.id, name: self.name, publicKey: self.publicKey }) : '';

  return (
    <Card title={t('sharing.institutions')} loading={loading} data-testid="sharing-institutions">
      {self ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('sharing.ourId')}>{self.id}</Descriptions.Item>
          <Descriptions.Item label={t('sharing.ourName')}>{self.name}</Descriptions.Item>
          <Descriptions.Item label={t('sharing.publicKey')}>
            <Typography.Text code copyable={{ text: card }} data-testid="sharing-our-card">
              {self.publicKey}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{t('sharing.publicKeyHint')}</Typography.Text>
            </div>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        !canEdit && <Typography.Text type="secondary">{t('sharing.noSelf')}</Typography.Text>
      )}
      {canEdit && (
        <Form<{ id: string; name: string }> layout="inline" style={{ marginTop: 12 }} initialValues={self ?? undefined} onFinish={(v) => save.mutate(v)} data-testid="sharing-self-form" key={self?.version ?? 0}>
          <Form.Item name="id" label={t('sharing.ourId')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('sharing.idRule') }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name" label={t('sharing.ourName')} rules={[{ required: true, whitespace: true, max: 80 }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={save.isPending}>
            {self ? t('sharing.saveSelf') : t('sharing.createSelf')}
          </Button>
        </Form>
      )}
      {save.error && <ApiErrorAlert error={save.error} compact />}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('sharing.peers')}
      </Typography.Title>
      <Table<Institution>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={peers}
        data-testid="sharing-peers"
        columns={[
          { title: t('sharing.peerId'), dataIndex: 'id' },
          { title: t('sharing.peerName'), dataIndex: 'name' },
          { title: t('sharing.publicKey'), dataIndex: 'publicKey', render: (k: string) => <Typography.Text code>{k.slice(0, 16)}…</Typography.Text> },
          { title: t('sharing.status'), render: (_, p) => (p.revoked ? <Tag>{t('sharing.revoked')}</Tag> : <Tag color="green">{t('sharing.pinned')}</Tag>) },
          ...(canEdit
            ? [{ title: '', render: (_: unknown, p: Institution) => <Button size="small" danger={!p.revoked} onClick={() => revoke.mutate(p)}>{p.revoked ? t('sharing.restore') : t('sharing.revoke')}</Button> }]
            : []),
        ]}
      />
      {canEdit && (
        <Button style={{ marginTop: 12 }} onClick={() => setAdding(true)} data-testid="sharing-add-peer">
          {t('sharing.addPeer')}
        </Button>
      )}
      <Modal open={adding} title={t('sharing.addPeer')} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
        <PeerForm onSubmit={(v) => add.mutate(v)} pending={add.isPending} />
        {add.error && <ApiErrorAlert error={add.error} compact />}
      </Modal>
    </Card>
  );
}

/** A peer's card (the JSON its admin copied) fills the form; the key is pinned as given. */
function PeerForm({ onSubmit, pending }: { onSubmit: (v: PeerCreate) => void; pending: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PeerCreate>();
  return (
    <Form<PeerCreate> form={form} layout="vertical" onFinish={onSubmit} data-testid="sharing-peer-form">
      <Form.Item label={t('sharing.pasteCard')} extra={t('sharing.pasteCardHint')}>
        <Input.TextArea
          rows={2}
          data-testid="sharing-peer-card"
          onChange={(e) => {
            try {
              const c = JSON.parse(e.target.value) as Partial<PeerCreate>;
              form.setFieldsValue({ id: c.id, name: c.name, publicKey: c.publicKey });
            } catch {
              /* not a card yet: the fields stay as typed */
            }
          }}
        />
      </Form.Item>
      <Form.Item name="id" label={t('sharing.peerId')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('sharing.idRule') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('sharing.peerName')} rules={[{ required: true, whitespace: true, max: 80 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="publicKey" label={t('sharing.publicKey')} rules={[{ required: true, pattern: /^[A-Za-z0-9+/]{43}=$/, message: t('sharing.keyRule') }]}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        {t('sharing.addPeer')}
      </Button>
    </Form>
  );
}

function NewSessionModal({ peers, onClose }: { peers: Institution[]; onClose: (created?: SharingSession) => void }) {
  const { t } = useTranslation();
  const offer = useQuery(sharingQueries.offer(TYPES));
  const queryClient = useQueryClient();
  const create = useMutation({ mutationFn: createSession, onSuccess: async (s) => (await queryClient.invalidateQueries({ queryKey: sharingKeys.all }), onClose(s)) });
  return (
    <Modal open title={t('sharing.create')} onCancel={() => onClose()} footer={null} width={620}>
      <Form<SharingCreate>
        layout="vertical"
        data-testid="sharing-create-form"
        initialValues={{ peerId: peers[0]?.id, types: ['agent_firm', 'agent_phone', 'fee_account'], maxSetSize: 100_000, expiresInDays: 14, legalBasis: t('sharing.defaultLegalBasis'), purpose: t('sharing.defaultPurpose') }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="peerId" label={t('sharing.peer')} rules={[{ required: true }]}>
          <select aria-label={t('sharing.peer')} style={{ width: '100%', height: 32 }}>
            {peers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.id})
              </option>
            ))}
          </select>
        </Form.Item>
        <Form.Item name="types" label={t('sharing.offerTypes')} extra={t('sharing.offerHint')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group style={{ display: 'grid', gap: 6 }}>
            {TYPES.map((x) => (
              <Checkbox key={x} value={x} data-testid={`sharing-type-${x}`}>
                {t(`sharingType.${x}`)} · <b data-testid={`sharing-offer-${x}`}>{offer.data?.[x] ?? '…'}</b>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="purpose" label={t('sharing.purpose')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('sharing.legalBasis')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="maxSetSize" label={t('sharing.maxSetSize')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1_000_000} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('sharing.expiresInDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={90} />
          </Form.Item>
        </Space>
        {create.error && <ApiErrorAlert error={create.error} compact />}
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="sharing-create-submit">
          {t('sharing.createDraft')}
        </Button>
      </Form>
    </Modal>
  );
}

function SessionPanel({ id, isLead, steps }: { id: string; isLead: boolean; steps: ReturnType<typeof useSessionSteps> }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const explain = useExplain();
  const queryClient = useQueryClient();
  const q = useQuery(sharingQueries.session(id));
  const offer = useQuery({ ...sharingQueries.offer(q.data?.manifest.types ?? []), enabled: !!q.data && isLead && (q.data.status === 'draft' || q.data.status === 'request_received') });
  const pick = useRef<HTMLInputElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: sharingKeys.all });
  const command = useMutation({
    mutationFn: ({ kind, s }: { kind: 'tag' | 'cancel'; s: SharingSession }) => (kind === 'tag' ? tagMatches(s.id, s.version) : cancelSession(s.id, s.version)),
    onSuccess: refresh,
    onError: (e) => message.error(explain(e)),
  });
  if (q.isError) return <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} compact />;
  if (!q.data) return null;
  const s = q.data;
  const m = s.manifest;
  const peer = s.role === 'initiator' ? m.responder : m.initiator;
  const total = Object.values(offer.data ?? {}).reduce<number>((n, v) => n + (v ?? 0), 0);

  const guard = async (work: () => Promise<unknown>, success?: string) => {
    try {
      const r = await work();
      if (r === 'cancelled') message.info(t('sharing.stepCancelled'));
      else if (success) message.success(success);
    } catch (e) {
      message.error(explain(e), 8);
    }
  };
  const approve = () =>
    modal.confirm({
      title: t(s.role === 'initiator' ? 'sharing.approveRequest' : 'sharing.approveResponse'),
      content: t('sharing.approveBody', { count: total, peer: peer.name }),
      okText: t('sharing.approveOk'),
      cancelText: t('common.cancel'),
      onOk: () => void guard(() => steps.exportStep(s), t('sharing.exported')),
    });
  const onPick = async (file: File | undefined) => {
    if (!file) return;
    await guard(async () => {
      const raw = await readSharingFile(file);
      if (s.status === 'request_sent') return steps.importStep(raw, s);
      if (s.status === 'response_received') return steps.rematch(s, raw);
      steps.holdRequest(s, raw);
      return steps.exportStep(s);
    });
  };
  const needsFile = (s.status === 'request_received' && !heldFile(s.id)) || s.status === 'request_sent';

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="sharing-session">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('sharing.status')} span={2}>
          <Tag color={s.status === 'matched' ? 'green' : 'blue'} data-testid="sharing-session-status">
            {t(`sharing.statuses.${s.status}`)}
          </Tag>
          {t(`sharing.roles.${s.role}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.peer')}>{`${peer.name} (${peer.id})`}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.expires')}>{dayjs(m.expiresAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.purpose')}>{m.purpose}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.legalBasis')}>{m.legalBasis}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.maxSetSize')}>{m.maxSetSize}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.normalisation')}>{m.normalisation}</Descriptions.Item>
      </Descriptions>
      <StepProgress state={steps.state} onCancel={steps.cancel} />
      <Table
        rowKey="type"
        size="small"
        pagination={false}
        data-testid="sharing-counts"
        dataSource={m.types.map((type) => ({
          type,
          offer: offer.data?.[type],
          sent: s.role === 'initiator' ? s.sent[type] : s.sent[type],
          received: s.received[type],
          matched: s.status === 'matched' ? s.matches.filter((x) => x.type === type).length : undefined,
        }))}
        columns={[
          { title: t('sharing.type'), dataIndex: 'type', render: (x: SharedType) => t(`sharingType.${x}`) },
          { title: t('sharing.toOffer'), dataIndex: 'offer', render: (v?: number) => v ?? '—' },
          { title: t('sharing.sent'), dataIndex: 'sent', render: (v?: number) => v ?? '—' },
          { title: t('sharing.received'), dataIndex: 'received', render: (v?: number) => v ?? '—' },
          { title: t('sharing.matchedCount'), dataIndex: 'matched', render: (v?: number) => <span data-testid="sharing-matched">{v ?? '—'}</span> },
        ]}
      />
      {isLead && (
        <Space wrap>
          <input ref={pick} type="file" accept=".json,application/json" hidden data-testid="sharing-session-file" onChange={(e) => void onPick(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
          {(s.status === 'draft' || (s.status === 'request_received' && !needsFile)) && (
            <Button type="primary" onClick={approve} disabled={steps.busy} data-testid="sharing-approve">
              {t(s.role === 'initiator' ? 'sharing.approveRequest' : 'sharing.approveResponse')}
            </Button>
          )}
          {needsFile && (
            <Button type="primary" onClick={() => pick.current?.click()} disabled={steps.busy} data-testid="sharing-pick">
              {t(s.status === 'request_sent' ? 'sharing.importResponse' : 'sharing.pickRequestAgain')}
            </Button>
          )}
          {s.status === 'response_received' && (
            <Button type="primary" disabled={steps.busy} onClick={() => void (heldFile(s.id) ? guard(() => steps.rematch(s)) : pick.current?.click())} data-testid="sharing-rematch">
              {t('sharing.rematch')}
            </Button>
          )}
          {s.status === 'matched' && (
            <>
              <Button onClick={() => command.mutate({ kind: 'tag', s })} disabled={s.tagged || s.matches.length === 0} data-testid="sharing-tag">
                {s.tagged ? t('sharing.tagged') : t('sharing.tag', { peer: peer.name })}
              </Button>
              <Button
                onClick={() =>
                  void guard(async () => {
                    const r = await exportReport(s.id);
                    downloadBlob(new Blob(['\ufeff', r.csv], { type: 'text/csv;charset=utf-8' }), r.fileName);
                  })
                }
                data-testid="sharing-report"
              >
                {t('sharing.report')}
              </Button>
            </>
          )}
          {ACTIVE.includes(s.status) && (
            <Button danger disabled={steps.busy} onClick={() => command.mutate({ kind: 'cancel', s })} data-testid="sharing-cancel-session">
              {t('sharing.cancelSession')}
            </Button>
          )}
        </Space>
      )}
      {s.status === 'response_sent' && <Alert type="success" showIcon message={t('sharing.responseSent', { peer: peer.name })} />}
      {s.status === 'request_sent' && <Alert type="info" showIcon message={t('sharing.waitingResponse', { peer: peer.name })} />}
      {s.status === 'matched' && <MatchTable s={s} />}
      <Typography.Link href={`/audit?recordType=sharing&record=${encodeURIComponent(s.id)}`}>{t('sharing.trail')}</Typography.Link>
    </Space>
  );
}

function MatchTable({ s }: { s: SharingSession }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey={(r) => `${r.type}|${r.entityId}`}
      size="small"
      data-testid="sharing-matches"
      dataSource={s.matches}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('sharing.noMatches') }}
      columns={[
        { title: t('sharing.type'), dataIndex: 'type', render: (x: SharedType) => <Tag>{t(`sharingType.${x}`)}</Tag> },
        { title: t('sharing.entity'), dataIndex: 'label', render: (label: string, r) => <a href={`/graph?entity=${encodeURIComponent(r.entityId)}`}>{label}</a> },
        {
          title: t('sharing.complaints'),
          render: (_, r) => (
            <Space size={4} wrap>
              {r.complaintIds.slice(0, 3).map((c) => (
                <a key={c} href={`/queue?complaint=${encodeURIComponent(c)}`}>
                  {c}
                </a>
              ))}
              {r.complaintIds.length > 3 && <Typography.Text type="secondary">+{r.complaintIds.length - 3}</Typography.Text>}
              {r.complaintIds.length === 0 && '—'}
            </Space>
          ),
        },
        {
          title: t('sharing.cases'),
          render: (_, r) =>
            r.caseIds.length ? (
              <Space size={4} wrap>
                {r.caseIds.map((c) => (
                  <a key={c} href={`/cases/${encodeURIComponent(c)}`}>
                    {c}
                  </a>
                ))}
              </Space>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
