import { CheckCircleOutlined, FlagOutlined, RollbackOutlined, SafetyCertificateOutlined, UserAddOutlined, NodeExpandOutlined } from '@ant-design/icons';
import { isReadOnlyRole } from '@/components/ReadOnlyNotice';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { sessionQuery, usersQuery } from '@/api/resources/session';
import { complaintPatchSchema, type Complaint, type ComplaintLabel } from '@/api/schemas';
import { errorText } from '@/lib/error-text';
import { useUpdateComplaint } from '../api/use-update-complaint';
import styles from './ComplaintDrawer.module.css';

/** Auditors are read-only; the server enforces it, the UI says so up front instead of failing later. */
export function useActor() {
  const session = useQuery(sessionQuery());
  const me = session.data?.user;
  return { me, readOnly: isReadOnlyRole(me?.role) };
}

function useErrorToast() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (error: unknown) => {
    const text = errorText(error, t);
    message.error(isApiError(error) && error.kind === 'conflict' ? `${text} ${t('queue.drawer.conflictRefreshed')}` : text);
  };
}

export function AssignToMeButton({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, readOnly } = useActor();
  const update = useUpdateComplaint(complaint.id);
  const onError = useErrorToast();
  const assignedToMe = !!me && complaint.assigneeId === me.id;

  const assign = () => {
    if (!me) return;
    update.mutate({ version: complaint.version, assigneeId: me.id }, { onSuccess: () => message.success(t('queue.drawer.assigned')), onError });
  };

  return (
    <Tooltip title={readOnly ? t('queue.drawer.readOnly') : undefined}>
      <Button icon={<UserAddOutlined />} data-testid="assign-to-me" disabled={!me || assignedToMe || readOnly} loading={update.isPending} onClick={assign}>
        {assignedToMe ? t('queue.drawer.assignedToMe') : t('queue.drawer.assignToMe')}
      </Button>
    </Tooltip>
  );
}

/**
 * A failed write never loses what was typed: the note stays in the box, and on a conflict the drawer
 * already shows the newer record (and its version) to submit it against.
 */
export function NoteForm({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { readOnly } = useActor();
  const update = useUpdateComplaint(complaint.id);
  const onError = useErrorToast();
  const [note, setNote] = useState('');
  // The contract's own rule for a note (non-empty), checked before sending.
  const valid = complaintPatchSchema.shape.note.safeParse(note.trim()).success;

  const submit = () => {
    if (!valid || update.isPending) return;
    update.mutate(
      { version: complaint.version, note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          message.success(t('queue.drawer.noteAdded'));
        },
        onError,
      },
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Input.TextArea
        data-testid="note-input"
        rows={3}
        maxLength={2000}
        showCount
        value={note}
        disabled={readOnly}
        placeholder={readOnly ? t('queue.drawer.readOnly') : t('queue.drawer.notePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl/⌘+Enter submits; plain Enter keeps writing.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      />
      {update.isError && isApiError(update.error) && update.error.kind === 'network' && (
        <Alert
          type="error"
          showIcon
          data-testid="note-failed"
          message={t('queue.drawer.noteUnsent')}
          action={
            <Button size="small" onClick={submit} data-testid="note-retry">
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <Button type="primary" data-testid="note-submit" disabled={!valid || readOnly} loading={update.isPending} onClick={submit}>
        {t('queue.drawer.addNote')}
      </Button>
    </Space>
  );
}

/** Leads hand work to anyone; analysts may only take or drop their own (the server enforces the same). */
export function ReassignControl({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, readOnly } = useActor();
  const users = useQuery(usersQuery());
  const update = useUpdateComplaint(complaint.id);
  const onError = useErrorToast();
  if (!me || readOnly) return null;
  if (me.role !== 'lead') {
    if (complaint.assigneeId !== me.id) return null;
    return (
      <Button data-testid="unassign" loading={update.isPending} onClick={() => update.mutate({ version: complaint.version, assigneeId: null }, { onError })}>
        {t('triage.actions.unassign')}
      </Button>
    );
  }
  const people = (users.data ?? []).filter((u) => u.role !== 'auditor');
  return (
    <Select
      data-testid="reassign"
      style={{ width: 160 }}
      aria-label={t('triage.actions.reassign')}
      placeholder={t('triage.actions.reassign')}
      value={null}
      loading={update.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      options={people.filter((u) => u.id !== complaint.assigneeId).map((u) => ({ value: u.id, label: `${u.name}${u.away ? ' (away)' : ''}` }))}
      onChange={(userId: string) =>
        update.mutate(
          { version: complaint.version, assigneeId: userId },
          { onSuccess: () => message.success(t('triage.actions.reassigned', { name: people.find((u) => u.id === userId)?.name ?? userId })), onError },
        )
      }
    />
  );
}

type DecisionProps = {
  complaint: Complaint;
  /** Called as a decision starts; its result runs once the decision is recorded (the next complaint opens). */
  beginDecision: () => () => void;
  onEscalate: () => void;
};

/**
 * The handling decision: legitimate (still answered on time), proposed agent-driven (an analyst's step),
 * confirmed (a lead as second reviewer), or a confirmation reverted with a reason. The buttons follow
 * the rules so people are not invited into refusals; the server enforces them regardless.
 */
export function DecisionBar({ complaint: c, beginDecision, onEscalate }: DecisionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, readOnly } = useActor();
  const update = useUpdateComplaint(c.id);
  const onError = useErrorToast();
  const [reverting, setReverting] = useState(false);
  const [reason, setReason] = useState('');
  const isLead = me?.role === 'lead';

  const decide = (label: ComplaintLabel, labelReason?: string) => {
    const onDecided = beginDecision();
    update.mutate(
      { version: c.version, label, labelReason },
      {
        onSuccess: () => {
          message.success(t('triage.actions.labelled', { label: t(`label.${label}`) }));
          setReverting(false);
          setReason('');
          onDecided();
        },
        onError,
      },
    );
  };

  const disabled = readOnly || update.isPending;
  return (
    <div className={styles.decisions} data-testid="decisions">
      <Button icon={<CheckCircleOutlined />} data-testid="decide-legitimate" disabled={disabled || c.label === 'legitimate' || c.label === 'agent_confirmed'} onClick={() => decide('legitimate')}>
        {t('triage.actions.legitimate')}
      </Button>
      <Button icon={<FlagOutlined />} data-testid="decide-propose" disabled={disabled || c.label === 'agent_proposed' || c.label === 'agent_confirmed'} onClick={() => decide('agent_proposed')}>
        {t('triage.actions.propose')}
      </Button>
      <Tooltip title={!isLead ? t('triage.actions.confirmNeedsLead') : undefined}>
        <Button
          danger
          icon={<SafetyCertificateOutlined />}
          data-testid="decide-confirm"
          disabled={disabled || !isLead || c.label !== 'agent_proposed'}
          onClick={() => decide('agent_confirmed')}
        >
          {t('triage.actions.confirm')}
        </Button>
      </Tooltip>
      {c.label === 'agent_confirmed' && (
        <Tooltip title={!isLead ? t('triage.actions.confirmNeedsLead') : undefined}>
          <Button icon={<RollbackOutlined />} data-testid="decide-revert" disabled={disabled || !isLead} onClick={() => setReverting(true)}>
            {t('triage.actions.revert')}
          </Button>
        </Tooltip>
      )}
      <Button icon={<NodeExpandOutlined />} data-testid="escalate" disabled={readOnly} onClick={onEscalate}>
        {t('triage.actions.escalate')}
      </Button>
      <Modal
        open={reverting}
        title={t('triage.actions.revertTitle')}
        onCancel={() => setReverting(false)}
        onOk={() => decide('none', reason.trim())}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: update.isPending, 'data-testid': 'revert-submit' } as never}
      >
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('triage.actions.revertReason')} data-testid="revert-reason" />
      </Modal>
    </div>
  );
}
