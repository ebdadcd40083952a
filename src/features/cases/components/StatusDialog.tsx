import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Case, CasePatch, CaseStatus } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { dayjs } from '@/lib/dayjs';

type Props = {
  kase: Case;
  to: CaseStatus | null;
  saving: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (patch: CasePatch) => void;
};
type Values = { receipt?: string; date?: Dayjs; reason?: string };

/**
 * One step of the workflow. Asks for what the step needs (the police receipt and its date, a reason
 * to reopen), but the backend decides; its refusal is shown here, in its own words, and the input stays.
 */
export function StatusDialog({ kase, to, saving, error, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  if (!to) return null;
  const needsReceipt = to === 'accepted' || to === 'filed';
  const reopening = kase.status === 'closed';
  const submit = (v: Values) => {
    const patch: CasePatch = { version: kase.version, status: to };
    if (v.reason?.trim()) patch.statusReason = v.reason.trim();
    if (needsReceipt && v.receipt !== undefined) patch.policeReceiptNo = v.receipt.trim();
    if (v.date && to === 'accepted') patch.acceptedAt = v.date.toISOString();
    if (v.date && to === 'filed') patch.filedAt = v.date.toISOString();
    onSubmit(patch);
  };
  return (
    <Modal
      open
      title={t('cases.workflow.dialogTitle', { from: t(`caseStatus.${kase.status}`), to: t(`caseStatus.${to}`) })}
      onCancel={onCancel}
      okText={t('cases.workflow.confirm')}
      okButtonProps={{ loading: saving, 'data-testid': 'status-submit' } as never}
      onOk={() => void form.validateFields().then(submit)}
      destroyOnHidden
    >
      <div data-testid="status-dialog">
        <Form form={form} layout="vertical" initialValues={{ receipt: kase.policeReceiptNo ?? '', date: dayjs() }}>
          {needsReceipt && (
            <>
              <Form.Item name="receipt" label={t('cases.workflow.receipt')} extra={t('cases.workflow.receiptHint')}>
                <Input data-testid="status-receipt" maxLength={60} />
              </Form.Item>
              <Form.Item name="date" label={to === 'accepted' ? t('cases.workflow.acceptedAt') : t('cases.workflow.filedAt')}>
                <DatePicker showTime data-testid="status-date" />
              </Form.Item>
            </>
          )}
          <Form.Item name="reason" label={reopening ? t('cases.workflow.reopenReason') : t('cases.workflow.reason')}>
            <Input.TextArea data-testid="status-reason" rows={2} maxLength={300} />
          </Form.Item>
        </Form>
        {error ? <ApiErrorAlert compact error={error} /> : null}
      </div>
    </Modal>
  );
}
