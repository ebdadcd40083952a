import { Alert, Button, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const MAX_SHOWN = 200_000;

/** Text is shown as text (React escapes it); anything not decodable is offered as a download, never rendered. */
export function TextViewer({ text, fileName, onDownload }: { text: string | null; fileName: string; onDownload: () => void }) {
  const { t } = useTranslation();
  if (text === null)
    return (
      <div data-testid="text-viewer">
        <Alert type="info" showIcon message={t('evidence.text.binary')} style={{ marginBottom: 8 }} />
        <Button icon={<DownloadOutlined />} onClick={onDownload} data-testid="download">
          {t('evidence.download', { name: fileName })}
        </Button>
      </div>
    );
  return (
    <div data-testid="text-viewer">
      {text.length > MAX_SHOWN && <Alert type="warning" showIcon message={t('evidence.text.truncated', { count: MAX_SHOWN })} style={{ marginBottom: 8 }} />}
      <Typography.Paragraph>
        <pre data-testid="text-content" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 640, overflow: 'auto', background: '#fafafa', padding: 12, border: '1px solid #f0f0f0' }}>
          {text.slice(0, MAX_SHOWN)}
        </pre>
      </Typography.Paragraph>
    </div>
  );
}
