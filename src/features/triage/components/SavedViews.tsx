import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Segmented, Space, Tooltip } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filtersOf, type QueueFilterState, type QueueSearch } from '../api/queue-search';
import { DEFAULT_VIEWS, useSavedViews, useTriagePrefs } from '../state/prefs';

/** Same filters, whatever order the keys and list values were written in. */
function sameFilters(a: QueueFilterState, b: QueueFilterState): boolean {
  const norm = (f: QueueFilterState) =>
    JSON.stringify(
      Object.entries(f)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
  return norm(a) === norm(b);
}

type Props = { userId: string | undefined; search: QueueSearch; onApply: (filters: QueueFilterState) => void };

/** 我的待办 / 即将超时 / 一级异常 / 未分配, then the person's own saved filter sets. */
export const SavedViews = memo(function SavedViews({ userId, search, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const views = useSavedViews(userId);
  const saveView = useTriagePrefs((s) => s.saveView);
  const deleteView = useTriagePrefs((s) => s.deleteView);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const current = filtersOf(search);

  const all = [
    ...DEFAULT_VIEWS.map((v) => ({ id: v.id, name: t(`triage.views.${v.id}`), filters: v.filters, own: false })),
    ...views.map((v) => ({ ...v, own: true })),
  ];
  const active = all.find((v) => sameFilters(v.filters, current));

  const save = () => {
    if (!userId || !name.trim()) return;
    saveView(userId, { id: `v-${Date.now().toString(36)}`, name: name.trim(), filters: current });
    message.success(t('triage.views.saved', { name: name.trim() }));
    setNaming(false);
    setName('');
  };

  return (
    <Space wrap size={8} data-testid="saved-views">
      <Segmented
        value={active?.id ?? '__none'}
        onChange={(id) => {
          const view = all.find((v) => v.id === id);
          if (view) onApply(view.filters);
        }}
        options={all.map((v) => ({ value: v.id, label: <span data-testid={`view-${v.own ? 'own' : v.id}`} data-name={v.name}>{v.name}</span> }))}
      />
      <Button icon={<SaveOutlined />} onClick={() => setNaming(true)} disabled={!userId} data-testid="view-save">
        {t('triage.views.save')}
      </Button>
      {active?.own && (
        <Tooltip title={t('triage.views.delete')}>
          <Button icon={<DeleteOutlined />} aria-label={t('triage.views.delete')} data-testid="view-delete" onClick={() => userId && deleteView(userId, active.id)} />
        </Tooltip>
      )}
      <Modal open={naming} title={t('triage.views.save')} onOk={save} onCancel={() => setNaming(false)} okButtonProps={{ disabled: !name.trim(), 'data-testid': 'view-name-ok' } as never} destroyOnHidden>
        <Input autoFocus value={name} maxLength={40} aria-label={t('triage.views.namePlaceholder')}
        placeholder={t('triage.views.namePlaceholder')} onChange={(e) => setName(e.target.value)} onPressEnter={save} data-testid="view-name" />
      </Modal>
    </Space>
  );
});
