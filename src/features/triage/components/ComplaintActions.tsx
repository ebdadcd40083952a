import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Input, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { sessionQuery } from '@/api/resources/session';
import { complaintPatchSchema, type Complaint } from '@/api/schemas';
import { errorText } from '@/lib/error-text';
import { useUpdateComplaint } from '../api/use-update-complaint';

/** Auditors are read-only; the server enforces it, the UI says so up front instead of failing later. */
function useActor() {
  const session = useQuery(sessionQuery());
  const me = session.data?.user;
  return { me, readOnly: me?.role === 'auditor' };
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
      <Button type="primary" data-testid="note-submit" disabled={!valid || readOnly} loading={update.isPending} onClick={submit}>
        {t('queue.drawer.addNote')}
      </Button>
    </Space>
  );
}
