import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealPii } from '@/api/resources/customers';
import { revealRequestSchema, type RevealRequest } from '@/api/schemas';
import { ApiErrorAlert } from './ApiErrorAlert';

type Props = {
  value: string;
  recordType: RevealRequest['recordType'];
  recordId: string;
  field: RevealRequest['field'];
};

/**
 * Personal data stays masked until someone states why they need it (个人信息保护法: minimum necessary);
 * the backend logs every reveal with that reason.
 */
export function MaskedValue({ value, recordType, recordId, field }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [clear, setClear] = useState<string | null>(null);

  const reveal = useMutation({
    mutationFn: revealPii,
    onSuccess: (result) => {
      setClear(result.value);
      setOpen(false);
      setReason('');
      setTouched(false);
      message.success(t('pii.revealed'));
    },
  });

  // The same rule the API enforces, so the person learns it before the request is sent.
  const reasonValid = revealRequestSchema.shape.reason.safeParse(reason).success;
  const submit = () => {
    setTouched(true);
    if (!reasonValid) return;
    reveal.mutate({ recordType, recordId, field, reason: reason.trim() });
  };
  const close = () => {
    setOpen(false);
    reveal.reset();
  };

  return (
    <Space size={4} data-testid="masked-value" data-field={field}>
      <Typography.Text code={clear === null} data-testid={clear === null ? `masked-${field}` : `revealed-${field}`} copyable={clear !== null}>
        {clear ?? value}
      </Typography.Text>
      {clear === null ? (
        <Tooltip title={t('pii.reveal')}>
          <Button size="small" type="text" icon={<EyeOutlined />} aria-label={t('pii.reveal')} data-testid={`reveal-${field}`} onClick={() => setOpen(true)}>
            {t('pii.view')}
          </Button>
        </Tooltip>
      ) : (
        <Tooltip title={t('pii.hide')}>
          <Button size="small" type="text" icon={<EyeInvisibleOutlined />} aria-label={t('pii.hide')} onClick={() => setClear(null)} />
        </Tooltip>
      )}
      <Modal
        open={open}
        title={t('pii.reasonTitle')}
        okText={t('pii.confirmReveal')}
        cancelText={t('common.cancel')}
        onOk={submit}
        onCancel={close}
        confirmLoading={reveal.isPending}
        okButtonProps={{ 'data-testid': 'reveal-submit' }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('pii.reasonHelp')}</Typography.Paragraph>
        <Input.TextArea
          data-testid="reveal-reason"
          autoFocus
          rows={2}
          maxLength={200}
          value={reason}
          status={touched && !reasonValid ? 'error' : undefined}
          placeholder={t('pii.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
        {touched && !reasonValid && <Typography.Text type="danger">{t('pii.reasonTooShort')}</Typography.Text>}
        {reveal.isError && <ApiErrorAlert compact error={reveal.error} />}
      </Modal>
    </Space>
  );
}
