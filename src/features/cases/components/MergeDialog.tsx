import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseKeys, caseQueries, mergeCases } from '@/api/resources/cases';
import type { Case } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';

type Props = { kase: Case; open: boolean; onClose: () => void };

/** Pull another open case into this one; the other is closed with a pointer here in its history. */
export function MergeDialog({ kase, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [sourceId, setSourceId] = useState<string>();
  const candidates = useQuery({ ...caseQueries.list({ status: ['new', 'investigating', 'pending_review'], pageSize: 200 }), enabled: open });
  const source = candidates.data?.items.find((c) => c.id === sourceId);
  const merge = useMutation({
    mutationFn: () => mergeCases(kase.id, { version: kase.version, sourceId: source!.id, sourceVersion: source!.version }),
    onSuccess: async (merged) => {
      queryClient.setQueryData(caseKeys.detail(kase.id), merged);
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      message.success(t('cases.merge.done', { id: source?.id }));
      setSourceId(undefined);
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('cases.merge.title')}
      onCancel={onClose}
      okText={t('cases.merge.submit')}
      okButtonProps={{ disabled: !source, loading: merge.isPending, 'data-testid': 'merge-submit' } as never}
      onOk={() => merge.mutate()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('cases.merge.hint')}</Typography.Paragraph>
      <Select
        data-testid="merge-source"
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        aria-label={t('cases.merge.pick')}
        placeholder={t('cases.merge.pick')}
        loading={candidates.isLoading}
        value={sourceId}
        onChange={setSourceId}
        options={(candidates.data?.items ?? []).filter((c) => c.id !== kase.id).map((c) => ({ value: c.id, label: `${c.title} · ${c.id} (${c.complaintIds.length})` }))}
      />
      {merge.isError && <ApiErrorAlert compact error={merge.error} />}
    </Modal>
  );
}
