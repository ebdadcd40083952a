import { useQuery } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { spreadQueries } from '@/api/resources/spread';
import { EmptyState } from '@/components/EmptyState';
import { SpreadView } from '@/components/spread/SpreadView';
import { subjectHref } from '@/components/spread/spread-model';
import { subjectOf, type SpreadSearch } from '../api/spread-search';

const TITLE_KEY = { family: 'spread.titleFamily', alert: 'spread.titleAlert', case: 'spread.titleCase' } as const;
const BACK_KEY = { family: 'spread.backFamily', alert: 'spread.backAlert', case: 'spread.backCase' } as const;

/** 溯源 of a family, an alert or a case, on a page of its own that the alert, the complaint and the case link to. */
export function SpreadPage({ search, onOpen }: { search: SpreadSearch; onOpen: (href: string) => void }) {
  const { t } = useTranslation();
  const subject = subjectOf(search);
  // Shares the view's query: the title waits for nothing the view does not fetch anyway.
  const report = useQuery({ ...spreadQueries.report(subject ?? { kind: 'family', id: '-' }), enabled: !!subject });
  if (!subject)
    return (
      <Card>
        <Typography.Title level={4}>{t('spread.title')}</Typography.Title>
        <EmptyState
          description={t('spread.none')}
          action={
            <Space>
              <a href="/alerts">{t('spread.noneAlerts')}</a>
              <a href="/queue">{t('spread.noneQueue')}</a>
            </Space>
          }
        />
      </Card>
    );
  const back = subjectHref(subject);
  return (
    <Card>
      <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="spread-title">
          {t(TITLE_KEY[subject.kind], { id: subject.id })}
        </Typography.Title>
        {report.data?.title && <Typography.Text strong>{report.data.title}</Typography.Text>}
        <Typography.Text type="secondary">{t('spread.intro')}</Typography.Text>
        {back && (
          <a href={back} data-testid="spread-back">
            {t(BACK_KEY[subject.kind])}
          </a>
        )}
      </Space>
      <SpreadView subject={subject} onOpen={onOpen} />
    </Card>
  );
}
