import { useMutation } from '@tanstack/react-query';
import { Card } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { createReferral } from '@/api/resources/referrals';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { EmptyState } from '@/components/EmptyState';
import { LoadingState } from '@/components/LoadingState';

/** `/referrals/new?caseId=…`: drafts a referral from the case, then opens it in the builder. */
export function NewReferralPage({ caseId, onCreated }: { caseId: string | undefined; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useMutation({ mutationFn: createReferral, onSuccess: (r) => onCreated(r.id) });
  // One draft per visit, even when React runs effects twice in development.
  const started = useRef(false);
  useEffect(() => {
    if (!caseId || started.current) return;
    started.current = true;
    create.mutate(caseId);
  }, [caseId, create]);
  if (!caseId) return <EmptyState description={t('referrals.new.noCase')} />;
  return (
    <Card title={t('referrals.title')}>
      {create.isError ? <ApiErrorAlert error={create.error} onRetry={() => create.mutate(caseId)} /> : <LoadingState />}
      <div style={{ textAlign: 'center', color: '#888' }}>{t('referrals.new.creating')}</div>
    </Card>
  );
}
