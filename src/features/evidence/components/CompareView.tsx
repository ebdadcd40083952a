import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { evidenceQueries } from '@/api/resources/evidence';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { LoadingState } from '@/components/LoadingState';
import { FIT_VIEW, ImageViewer, type ImageView } from './ImageViewer';
import { IntegrityBanner, VerdictTag } from './Panels';
import { useEvidenceFile } from './useEvidenceFile';

function Side({ id, view, onViewChange, testId }: { id: string; view: ImageView; onViewChange: (v: ImageView) => void; testId: string }) {
  const { t } = useTranslation();
  const q = useQuery(evidenceQueries.detail(id));
  const file = useEvidenceFile(q.data);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ApiErrorAlert compact error={q.error} />;
  if (q.data.kind !== 'image') return <Alert type="info" message={t('evidence.compare.imagesOnly')} />;
  return (
    <Card size="small" title={<Typography.Text ellipsis>{q.data.title}</Typography.Text>} extra={<VerdictTag status={q.data.verdict.status} />}>
      <div style={{ marginBottom: 8 }}>
        <IntegrityBanner check={file.check} progress={file.progress} />
      </div>
      {file.url ? <ImageViewer testId={testId} src={file.url} alt={q.data.title} view={view} onViewChange={onViewChange} annotations={q.data.annotations} height={520} /> : <LoadingState />}
    </Card>
  );
}

/** Two images side by side under one view: zooming or panning either moves both, so details line up. */
export function CompareView({ leftId, rightId }: { leftId: string; rightId: string }) {
  const [view, setView] = useState<ImageView>(FIT_VIEW);
  return (
    <Row gutter={12} data-testid="compare-view">
      <Col span={12}>
        <Side id={leftId} view={view} onViewChange={setView} testId="compare-left" />
      </Col>
      <Col span={12}>
        <Side id={rightId} view={view} onViewChange={setView} testId="compare-right" />
      </Col>
    </Row>
  );
}
