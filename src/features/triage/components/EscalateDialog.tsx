import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Select, Tabs } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditKeys } from '@/api/resources/audit';
import { caseKeys, caseQueries, createCase, updateCase } from '@/api/resources/cases';
import { complaintKeys } from '@/api/resources/complaints';
import { caseCreateSchema, type ComplaintRow } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';

type Props = {
  /** The complaints to escalate; null keeps the dialog closed. */
  complaints: readonly ComplaintRow[] | null;
  onClose: () => void;
  onDone: (caseId: string) => void;
};

const OPEN_CASE_STATUSES = ['new', 'investigating', 'pending_review'] as const;

function suggestedTitle(complaints: readonly ComplaintRow[]): string {
  const family = complaints[0]?.templateFamilyId;
  if (family && complaints.every((c) => c.templateFamilyId === family)) return `模板族 ${family} 代理维权线索`;
  if (complaints.length === 1) return `${complaints[0].borrowerName} 投诉 ${complaints[0].id}`;
  return `${complaints.length} 件关联投诉`;
}

/** Escalate complaints into a new case or an existing open one; the dialog keeps what was typed if the write fails. */
export const EscalateDialog = memo(function EscalateDialog({ complaints, onClose, onDone }: Props) {
  return complaints ? <EscalateForm complaints={complaints} onClose={onClose} onDone={onDone} /> : null;
});

function EscalateForm({ complaints, onClose, onDone }: { complaints: readonly ComplaintRow[]; onClose: () => void; onDone: (caseId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [title, setTitle] = useState(() => suggestedTitle(complaints));
  const [priority, setPriority] = useState<'high' | 'medium' | 'low'>('high');
  const [caseId, setCaseId] = useState<string>();
  const cases = useQuery({ ...caseQueries.list({ status: [...OPEN_CASE_STATUSES], pageSize: 500 }), enabled: mode === 'existing' });
  const ids = complaints.map((c) => c.id);
  const inOtherCase = complaints.filter((c) => c.caseId && c.caseId !== caseId).length;

  const escalate = useMutation({
    mutationFn: async () => {
      if (mode === 'new') return createCase(caseCreateSchema.parse({ title: title.trim(), priority, complaintIds: ids, entityIds: [], assigneeId: null, inOtherCase: 'move' }));
      const kase = cases.data?.items.find((c) => c.id === caseId);
      if (!kase) throw new Error(t('triage.escalate.pickCase'));
      return updateCase(kase.id, { version: kase.version, addComplaintIds: ids });
    },
    onSuccess: async (kase) => {
      message.success(t(mode === 'new' ? 'triage.escalate.created' : 'triage.escalate.added', { id: kase.id }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
      onDone(kase.id);
    },
    // A stale case version: reload the list so the next attempt uses the current one.
    onError: () => void queryClient.invalidateQueries({ queryKey: caseKeys.lists() }),
  });

  const valid = mode === 'new' ? title.trim().length > 0 : !!caseId;
  return (
    <Modal
      open
      title={t('triage.escalate.title', { count: complaints.length })}
      okText={t('triage.escalate.submit')}
      onOk={() => escalate.mutate()}
      onCancel={onClose}
      okButtonProps={{ disabled: !valid, loading: escalate.isPending, 'data-testid': 'escalate-submit' } as never}
      destroyOnHidden
      width={560}
    >
      <div data-testid="escalate-dialog">
        <Tabs
          activeKey={mode}
          onChange={(k) => setMode(k as 'new' | 'existing')}
          items={[
            {
              key: 'new',
              label: <span data-testid="escalate-tab-new">{t('triage.escalate.newCase')}</span>,
              children: (
                <Form layout="vertical">
                  <Form.Item label={t('triage.escalate.caseTitle')} required>
                    <Input value={title} aria-label={t('triage.escalate.caseTitle')} maxLength={120} onChange={(e) => setTitle(e.target.value)} data-testid="escalate-title" />
                  </Form.Item>
                  <Form.Item label={t('triage.escalate.priority')}>
                    <Radio.Group value={priority} onChange={(e) => setPriority(e.target.value)} optionType="button">
                      {(['high', 'medium', 'low'] as const).map((p) => (
                        <Radio.Button key={p} value={p}>
                          {t(`triage.escalate.priorityValue.${p}`)}
                        </Radio.Button>
                      ))}
                    </Radio.Group>
                  </Form.Item>
                </Form>
              ),
            },
            {
              key: 'existing',
              label: <span data-testid="escalate-tab-existing">{t('triage.escalate.existingCase')}</span>,
              children: cases.isError ? (
                <ApiErrorAlert compact error={cases.error} onRetry={() => void cases.refetch()} />
              ) : (
                <Form layout="vertical">
                  <Form.Item label={t('triage.escalate.pickCase')} required>
                    <Select
                      data-testid="escalate-case"
                      loading={cases.isPending}
                      value={caseId}
                      onChange={setCaseId}
                      showSearch={{ optionFilterProp: 'label' }}
                      notFoundContent={t('triage.escalate.noCases')}
                      options={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} · ${c.id}` }))}
                    />
                  </Form.Item>
                </Form>
              ),
            },
          ]}
        />
        {inOtherCase > 0 && <Alert type="warning" showIcon title={t('triage.escalate.alreadyInCase', { count: inOtherCase })} style={{ marginBottom: 8 }} />}
        {escalate.isError && <ApiErrorAlert compact error={escalate.error} />}
      </div>
    </Modal>
  );
}
