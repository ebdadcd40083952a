import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Progress, Space, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { evidenceKeys } from '@/api/resources/evidence';
import type { Evidence } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { MAX_UPLOAD_BYTES } from '@/lib/file-type';
import { openPdf } from '@/lib/pdfjs';
import { perceptualHashOfImage, perceptualHashOfPdf } from '../lib/browser-hash';
import { UploadRefused, uploadEvidence, type UploadPhase } from '../lib/upload';

type Item = { key: string; name: string; phase: UploadPhase | 'done' | 'failed'; fraction: number; error?: unknown };

async function phashOf(blob: Blob, kind: string): Promise<string | null> {
  if (kind === 'image') return perceptualHashOfImage(blob);
  const doc = await openPdf(new Uint8Array(await blob.arrayBuffer()));
  try {
    return await perceptualHashOfPdf(doc);
  } finally {
    void doc.destroy();
  }
}

/** Drop files onto a complaint or case: checked by their bytes, hashed, sent in chunks with progress; refusals say why. */
export function UploadZone({ target, onUploaded, disabled }: { target: { complaintId: string | null; caseId: string | null }; onUploaded: (e: Evidence) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [items, setItems] = useState<Item[]>([]);
  const abort = useRef<AbortController | null>(null);

  const patch = (key: string, p: Partial<Item>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...p } : x)));

  const run = async (files: File[]) => {
    const ac = new AbortController();
    abort.current = ac;
    for (const file of files) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      setItems((xs) => [{ key, name: file.name, phase: 'checking' as const, fraction: 0 }, ...xs].slice(0, 6));
      try {
        const e = await uploadEvidence({ file, target, signal: ac.signal, perceptualHash: (b, type) => phashOf(b, type.kind), onProgress: (phase, fraction) => patch(key, { phase, fraction }) });
        patch(key, { phase: 'done', fraction: 1 });
        await qc.invalidateQueries({ queryKey: evidenceKeys.lists() });
        message.success(t('evidence.upload.done', { name: file.name }));
        onUploaded(e);
      } catch (err) {
        patch(key, { phase: 'failed', error: err });
      }
    }
    abort.current = null;
  };

  const refusal = (err: unknown) => {
    if (!(err instanceof UploadRefused)) return null;
    const r = err.refusal;
    if (r.kind === 'too_large') return t('evidence.upload.tooLarge', { max: Math.round(MAX_UPLOAD_BYTES / 1024 / 1024) });
    if (r.kind === 'empty') return t('evidence.upload.empty');
    if (r.kind === 'mismatch') return t('evidence.upload.mismatch', { claimed: r.claimed, type: r.detail });
    return t('evidence.upload.unsupported', { type: r.detail });
  };

  const busy = items.some((i) => i.phase !== 'done' && i.phase !== 'failed');
  return (
    <div>
      <div
        data-testid="upload-zone"
        role="button"
        tabIndex={0}
        aria-disabled={disabled}
        onClick={() => !disabled && input.current?.click()}
        onKeyDown={(e) => e.key === 'Enter' && !disabled && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!disabled) void run([...e.dataTransfer.files]);
        }}
        style={{ border: `2px dashed ${over ? '#1677ff' : '#d9d9d9'}`, background: over ? '#e6f4ff' : '#fafafa', borderRadius: 8, padding: 16, textAlign: 'center', cursor: disabled ? 'not-allowed' : 'pointer', opacity: disabled ? 0.6 : 1 }}
      >
        <InboxOutlined style={{ fontSize: 28, color: '#1677ff' }} />
        <div>{disabled ? t('evidence.upload.readOnly') : t('evidence.upload.drop')}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('evidence.upload.hint', { max: Math.round(MAX_UPLOAD_BYTES / 1024 / 1024) })}
        </Typography.Text>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="upload-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void run(files);
          }}
        />
      </div>
      {busy && (
        <Button size="small" style={{ marginTop: 6 }} onClick={() => abort.current?.abort()} data-testid="upload-cancel">
          {t('evidence.upload.cancel')}
        </Button>
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        {items.map((i) => (
          <div key={i.key} data-testid="upload-item" data-phase={i.phase}>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              {i.name}
            </Typography.Text>
            {i.phase === 'failed' ? (
              refusal(i.error) ? (
                <Alert type="error" showIcon data-testid="upload-refused" message={refusal(i.error)} />
              ) : i.error instanceof DOMException && i.error.name === 'AbortError' ? (
                <Alert type="warning" showIcon message={t('evidence.upload.cancelled')} />
              ) : (
                <div data-testid="upload-refused">
                  <ApiErrorAlert compact error={i.error} />
                </div>
              )
            ) : (
              <Progress
                percent={Math.round((i.phase === 'sending' ? 10 + i.fraction * 85 : i.phase === 'done' || i.phase === 'finishing' ? 100 : i.fraction * 10) * 1) || 0}
                size="small"
                status={i.phase === 'done' ? 'success' : 'active'}
                format={() => t(`evidence.upload.phase.${i.phase}`)}
                aria-label={`${i.name} ${t(`evidence.upload.phase.${i.phase}`)}`}
              />
            )}
          </div>
        ))}
      </Space>
    </div>
  );
}
