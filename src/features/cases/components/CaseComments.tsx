import { useQuery } from '@tanstack/react-query';
import { Button, List, Mentions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersQuery } from '@/api/resources/session';
import type { Case, CasePatch } from '@/api/schemas';
import { UserName } from '@/components/UserName';
import { formatDateTime } from '@/lib/format';
import { useNoteDrafts } from '../state/note-draft';

type Props = { kase: Case; saving: boolean; canWrite: boolean; onSave: (patch: CasePatch) => void };

/** Renders @名字 of a colleague as a tag-like highlight. */
function withMentions(text: string, names: string[]) {
  if (!names.length) return text;
  const parts = text.split(new RegExp(`(@(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`, 'g'));
  return parts.map((p, i) =>
    p.startsWith('@') && names.includes(p.slice(1)) ? (
      <Typography.Text key={i} mark>
        {p}
      </Typography.Text>
    ) : (
      p
    ),
  );
}

/** Notes and comments on the case, with @mentions of colleagues; what is being typed survives a reload. */
export function CaseComments({ kase, saving, canWrite, onSave }: Props) {
  const { t } = useTranslation();
  const users = useQuery(usersQuery());
  const draft = useNoteDrafts((s) => s.drafts[kase.id] ?? '');
  const setDraft = useNoteDrafts((s) => s.setDraft);
  const names = (users.data ?? []).map((u) => u.name);
  const submit = () => {
    const text = draft.trim();
    if (!text) return;
    const mentions = (users.data ?? []).filter((u) => text.includes(`@${u.name}`)).map((u) => u.id);
    onSave({ version: kase.version, note: text, mentions });
  };
  return (
    <div data-testid="case-comments">
      <List
        size="small"
        dataSource={kase.notes}
        locale={{ emptyText: t('cases.notes.empty') }}
        renderItem={(n) => (
          <List.Item data-testid="case-note">
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <UserName id={n.authorId} /> · {formatDateTime(n.at)}
              </Typography.Text>
              <span>{withMentions(n.text, names)}</span>
            </Space>
          </List.Item>
        )}
      />
      {canWrite && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Mentions
            data-testid="case-note-input"
            rows={3}
            value={draft}
            placeholder={t('cases.notes.placeholder')}
            onChange={(v) => setDraft(kase.id, v)}
            options={(users.data ?? []).filter((u) => u.role !== 'auditor').map((u) => ({ value: u.name, label: `${u.name}（${t(`role.${u.role}`)}）` }))}
          />
          <Space>
            <Button type="primary" data-testid="case-note-save" loading={saving} disabled={!draft.trim()} onClick={submit}>
              {t('cases.notes.save')}
            </Button>
            {draft && <Typography.Text type="secondary">{t('cases.notes.draftKept')}</Typography.Text>}
          </Space>
        </Space>
      )}
    </div>
  );
}
