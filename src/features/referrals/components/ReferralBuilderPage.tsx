import { ArrowLeftOutlined } from '@ant-design/icons';
import { sessionQuery } from '@/api/resources/session';
import { ReadOnlyNotice, isReadOnlyRole } from '@/components/ReadOnlyNotice';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { evidenceQueries } from '@/api/resources/evidence';
import { referralPartiesQuery } from '@/api/resources/referrals';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { LoadingState } from '@/components/LoadingState';
import { formatDateTime } from '@/lib/format';
import { useHashChecks } from '../api/use-hash-checks';
import { useReferralDraft, type SaveState } from '../api/use-referral-draft';
import { blockingIssues, validateReferral } from '@/domain/referral-validation';
import { AddresseeSection, AmountsSection, ChargesSection, FactsSection, InstitutionSection, PartiesSection } from './BuilderSections';
import { EvidenceSection } from './EvidenceSection';
import { ApprovalPanel, ExportPanel, TrackingPanel, ValidationPanel } from './SidePanels';
import { StatusTag } from './StatusTag';

const SAVE_COLOR: Record<SaveState, string> = { saved: 'green', dirty: 'gold', saving: 'blue', error: 'red', conflict: 'red' };

/** The guided 报案书 builder: sections on the left, checks, approval, export and tracking on the right. */
export function ReferralBuilderPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const { server, base, draft, state, error, conflict, edit, retry, resolve, adopt } = useReferralDraft(id);
  const caseId = base?.caseId ?? server.data?.caseId;
  const evidence = useQuery({ ...evidenceQueries.list({ caseId: caseId ?? '' }), enabled: Boolean(caseId) });
  const parties = useQuery(referralPartiesQuery(id));
  const role = useQuery(sessionQuery()).data?.user.role;
  const hashes = useHashChecks(draft?.evidence ?? [], evidence.data);

  if (server.isError && !base) return <ApiErrorAlert error={server.error} onRetry={() => void server.refetch()} />;
  if (!base || !draft) return <LoadingState />;

  const locked = !['draft', 'approved'].includes(base.status);
  const readOnly = locked || isReadOnlyRole(role);
  const issues = validateReferral(draft, hashes);
  const blocking = blockingIssues(issues).length;
  const props = { draft, edit, readOnly };
  const caseEvidence = evidence.data ?? [];

  return (
    <div data-testid="referral-builder" data-referral-id={id} data-version={base.version}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('referrals.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('referrals.title')} <Typography.Text code>{id}</Typography.Text>
          </Typography.Title>
          <StatusTag status={base.status} />
          <Typography.Text type="secondary">{t('referrals.caseLink', { id: base.caseId })}</Typography.Text>
        </Space>
        <Space>
          {locked ? (
            <Tag>{t('referrals.save.readOnly')}</Tag>
          ) : readOnly ? null : (
            <Tag color={SAVE_COLOR[state]} data-testid="save-state" data-state={state}>
              {t(`referrals.save.${state}`)} · v{base.version}
            </Tag>
          )}
          {state === 'error' && (
            <Button size="small" onClick={retry} data-testid="save-retry">
              {t('referrals.save.retry')}
            </Button>
          )}
        </Space>
      </Flex>
      {!locked && (
        <ReadOnlyNotice role={role} />
      )}
      {state === 'error' && error !== null && <ApiErrorAlert compact error={error} onRetry={retry} />}
      {conflict && (
        <Alert
          type="error"
          showIcon
          data-testid="conflict"
          style={{ marginBottom: 12 }}
          message={t('referrals.conflict.title')}
          description={
            <Space direction="vertical">
              <span>{t('referrals.conflict.body', { version: conflict.version, when: formatDateTime(conflict.updatedAt) })}</span>
              <Space>
                <Button danger size="small" onClick={() => resolve('mine')} data-testid="conflict-mine">
                  {t('referrals.conflict.keepMine')}
                </Button>
                <Button size="small" onClick={() => resolve('theirs')} data-testid="conflict-theirs">
                  {t('referrals.conflict.takeTheirs')}
                </Button>
              </Space>
            </Space>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" style={{ width: '100%' }} size={12}>
            <AddresseeSection {...props} />
            <InstitutionSection {...props} evidence={caseEvidence} />
            <PartiesSection {...props} candidates={parties.data ?? []} />
            <ChargesSection {...props} />
            <FactsSection {...props} />
            <AmountsSection {...props} />
            <EvidenceSection {...props} caseEvidence={caseEvidence} hashes={hashes} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" style={{ width: '100%', position: 'sticky', top: 12 }} size={12}>
            <ValidationPanel issues={issues} />
            <ApprovalPanel base={base} blocking={blocking} saving={state !== 'saved'} onApproved={adopt} />
            <ExportPanel base={base} blocking={blocking} dirty={state !== 'saved'} />
            <TrackingPanel base={base} onTracked={adopt} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
