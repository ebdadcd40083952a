import { Alert, App, Button, Flex, Progress, Radio, Space, Typography } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintRow, User } from '@/api/schemas';
import { errorText } from '@/lib/error-text';
import { fetchFamily, useBulkAction, type BulkAction, type BulkOutcome } from '../api/bulk';

type Props = {
  selected: ReadonlyMap<string, ComplaintRow>;
  onSelectionChange: (next: Map<string, ComplaintRow>) => void;
  /** With a template family open as the filter, actions can cover the whole family, not just what is ticked. */
  familyId?: string;
  familySize: number;
  me: User | undefined;
  onEscalate: (items: readonly ComplaintRow[]) => void;
};

const ACTIONS: BulkAction[] = ['assignMe', 'legitimate', 'propose', 'confirm'];

/**
 * Bulk work on the ticked complaints or a whole template family. Each complaint is its own write, so some
 * can fail (someone changed it meanwhile, the role may not do it): those stay selected and are listed
 * with the reason; the ones that succeeded leave the selection.
 */
export const BulkBar = memo(function BulkBar({ selected, onSelectionChange, familyId, familySize, me, onEscalate }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [scope, setScope] = useState<'selection' | 'family'>('selection');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failures, setFailures] = useState<{ outcome: BulkOutcome; complaint: ComplaintRow }[]>([]);
  const bulk = useBulkAction((done) => setProgress((p) => (p ? { ...p, done } : p)));
  const useFamily = scope === 'family' && !!familyId;
  if (!me || me.role === 'auditor') return null;
  if (selected.size === 0 && !familyId && failures.length === 0) return null;

  const targets = async () => (useFamily ? fetchFamily(familyId!) : [...selected.values()]);

  const run = async (action: BulkAction) => {
    const items = await targets();
    setFailures([]);
    setProgress({ done: 0, total: items.length });
    const outcomes = await bulk.mutateAsync({ items, action, meId: me.id });
    setProgress(null);
    const byId = new Map(items.map((c) => [c.id, c]));
    const failed = outcomes.filter((o) => !o.ok).map((o) => ({ outcome: o, complaint: byId.get(o.id)! }));
    setFailures(failed);
    // What failed stays selected so it can be looked at and retried; what succeeded is done.
    onSelectionChange(new Map(failed.map((f) => [f.complaint.id, f.complaint])));
    if (failed.length === 0) message.success(t('triage.bulk.allDone', { count: outcomes.length }));
    else message.warning(t('triage.bulk.partial', { ok: outcomes.length - failed.length, failed: failed.length }));
  };

  const count = useFamily ? familySize : selected.size;
  const busy = bulk.isPending || !!progress;
  return (
    <div data-testid="bulk-bar">
      <Flex align="center" gap={8} wrap style={{ padding: '6px 8px', background: '#fff7e6', borderRadius: 4 }}>
        {familyId ? (
          <Radio.Group value={useFamily ? 'family' : 'selection'} onChange={(e) => setScope(e.target.value)} size="small" data-testid="bulk-scope">
            <Radio.Button value="selection">
              <span data-testid="bulk-scope-selection">{t('triage.bulk.selected', { count: selected.size })}</span>
            </Radio.Button>
            <Radio.Button value="family">
              <span data-testid="bulk-scope-family">{t('triage.bulk.family', { id: familyId, count: familySize })}</span>
            </Radio.Button>
          </Radio.Group>
        ) : (
          <Typography.Text strong data-testid="bulk-count">
            {t('triage.bulk.selected', { count: selected.size })}
          </Typography.Text>
        )}
        <Space size={4} wrap>
          {ACTIONS.map((a) => (
            <Button
              key={a}
              size="small"
              danger={a === 'confirm'}
              disabled={busy || count === 0 || (a === 'confirm' && me.role !== 'lead')}
              title={a === 'confirm' && me.role !== 'lead' ? t('triage.actions.confirmNeedsLead') : undefined}
              onClick={() => void run(a)}
              data-testid={`bulk-${a}`}
            >
              {t(`triage.bulk.${a}`)}
            </Button>
          ))}
          <Button size="small" disabled={busy || count === 0} onClick={() => void targets().then(onEscalate)} data-testid="bulk-escalate">
            {t('triage.bulk.escalate')}
          </Button>
          {selected.size > 0 && (
            <Button size="small" type="link" disabled={busy} onClick={() => onSelectionChange(new Map())} data-testid="bulk-clear">
              {t('triage.bulk.clear')}
            </Button>
          )}
        </Space>
        {progress && (
          <Space size={6}>
            <Progress type="circle" size={18} percent={(progress.done / Math.max(1, progress.total)) * 100} showInfo={false} aria-label={t('triage.bulk.running', progress)} />
            <Typography.Text>{t('triage.bulk.running', progress)}</Typography.Text>
          </Space>
        )}
      </Flex>
      {failures.length > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          closable={{ onClose: () => setFailures([]) }}
          data-testid="bulk-failures"
          title={t('triage.bulk.failedTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {failures.map(({ outcome, complaint }) => (
                <li key={outcome.id} data-testid="bulk-failure" data-id={outcome.id}>
                  <Typography.Text strong>{outcome.id}</Typography.Text> {complaint.borrowerName}: {errorText(outcome.error, t)}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
});
