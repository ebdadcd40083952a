import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiErrorKind } from '@/api/errors';

type Props = {
  error: unknown;
  /** Shown as a Retry button when given. */
  onRetry?: () => void;
  /** Smaller rendering for drawers, modals and table bodies. */
  compact?: boolean;
};

type Kind = ApiErrorKind | 'unknown';

/** What the person sees for each failure: a title, the server's message, and what to do next. */
export function ApiErrorAlert({ error, onRetry, compact }: Props) {
  const { t } = useTranslation();
  const kind: Kind = isApiError(error) ? error.kind : 'unknown';
  const title = t(`error.title.${kind}`);
  const hint = t(`error.hint.${kind}`);
  // The client reports a network failure with a placeholder message; the hint already says it all.
  const serverMessage = isApiError(error) ? (error.kind === 'network' ? null : error.message) : error instanceof Error ? error.message : null;
  const path = isApiError(error) ? error.path : null;

  return (
    <div data-testid="api-error" data-error-kind={kind} role="alert">
      <Result
        status={kind === 'forbidden' ? 'warning' : kind === 'not_found' ? 'info' : 'error'}
        title={title}
        style={compact ? { padding: '16px 8px' } : undefined}
        subTitle={
          <>
            {serverMessage && <Typography.Paragraph style={{ marginBottom: 4 }}>{serverMessage}</Typography.Paragraph>}
            <Typography.Text type="secondary">{hint}</Typography.Text>
            {path && kind === 'malformed' && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
                <Typography.Text code>{path}</Typography.Text>
              </Typography.Paragraph>
            )}
          </>
        }
        extra={
          onRetry ? (
            <Button type="primary" data-testid="retry" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}
