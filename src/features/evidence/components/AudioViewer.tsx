import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Progress, Segmented, Space, Tag, Typography } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import { z } from 'zod';
import type { Evidence } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { LoadingState } from '@/components/LoadingState';
import { evidenceExtraQueries } from '../api/evidence-api';

const transcriptSchema = z.array(z.object({ start: z.number(), end: z.number(), speaker: z.string(), text: z.string() }));
export type TranscriptLine = z.infer<typeof transcriptSchema>[number];

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];
const fmt = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** The transcript of a sample recording sits beside it as `<name>.transcript.json`; uploads have none yet. */
function transcriptUrlOf(e: Evidence): string | null {
  return e.url.startsWith('/samples/') ? e.url.replace(/\.[a-z0-9]+$/i, '.transcript.json') : null;
}

async function fetchTranscript(url: string): Promise<TranscriptLine[]> {
  const res = await fetch(url);
  if (!res.ok) return [];
  try {
    const parsed = transcriptSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function Voiceprint({ evidenceId }: { evidenceId: string }) {
  const { t } = useTranslation();
  const q = useQuery(evidenceExtraQueries.voiceprint(evidenceId));
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ApiErrorAlert compact error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div data-testid="voiceprint">
      {q.data.matches.length === 0 ? (
        <Typography.Text type="secondary">{t('evidence.audio.noVoiceprints')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={q.data.matches}
          renderItem={(m) => (
            <List.Item data-testid="voiceprint-row" data-match={m.isMatch ? 'true' : 'false'}>
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Space>
                  <Typography.Text strong>{m.label}</Typography.Text>
                  {m.isMatch && <Tag color="red">{t('evidence.audio.match')}</Tag>}
                </Space>
                {m.firm && <Typography.Text type="secondary">{m.firm}</Typography.Text>}
                <Progress percent={Math.round(m.score * 100)} aria-label={`${m.label} ${m.score.toFixed(3)}`} size="small" status={m.isMatch ? 'exception' : 'normal'} format={() => m.score.toFixed(3)} />
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('evidence.audio.threshold', { threshold: q.data.threshold })}
      </Typography.Text>
    </div>
  );
}

/** wavesurfer.js waveform with play/pause/seek/speed; the transcript follows playback and a click on a line seeks there. */
export function AudioViewer({ evidence, src }: { evidence: Evidence; src: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const transcriptUrl = transcriptUrlOf(evidence);
  const transcript = useQuery({ queryKey: ['evidence-transcript', transcriptUrl], queryFn: () => fetchTranscript(transcriptUrl!), enabled: Boolean(transcriptUrl), staleTime: Infinity });
  const lineRefs = useRef<Map<number, HTMLElement>>(new Map());

  useEffect(() => {
    if (!container.current) return;
    const w = WaveSurfer.create({ container: container.current, url: src, height: 96, waveColor: '#91caff', progressColor: '#1677ff', cursorColor: '#fa541c', normalize: true });
    ws.current = w;
    const subs = [
      w.on('ready', (d) => setDuration(d)),
      w.on('timeupdate', (tm) => setTime(tm)),
      w.on('play', () => setPlaying(true)),
      w.on('pause', () => setPlaying(false)),
      w.on('finish', () => setPlaying(false)),
      w.on('error', (e) => setError(String(e))),
    ];
    return () => {
      subs.forEach((off) => off());
      w.destroy();
      ws.current = null;
    };
  }, [src]);

  const lines = transcript.data ?? [];
  const current = lines.findIndex((l) => time >= l.start && time < l.end);

  useEffect(() => {
    if (current >= 0) lineRefs.current.get(current)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [current]);

  return (
    <div data-testid="audio-viewer" data-time={time.toFixed(2)} data-playing={playing ? 'true' : 'false'}>
      {error && <Alert type="error" showIcon message={t('evidence.audio.decodeError')} description={error} style={{ marginBottom: 8 }} />}
      <div ref={container} data-testid="waveform" style={{ border: '1px solid #d9d9d9', borderRadius: 4, padding: 4 }} />
      <Space style={{ margin: '8px 0' }} wrap>
        <Button type="primary" icon={playing ? <PauseCircleOutlined /> : <PlayCircleOutlined />} data-testid="audio-play" onClick={() => void ws.current?.playPause()}>
          {playing ? t('evidence.audio.pause') : t('evidence.audio.play')}
        </Button>
        <Typography.Text data-testid="audio-time">
          {fmt(time)} / {fmt(duration)}
        </Typography.Text>
        <Segmented
          size="small"
          data-testid="audio-speed"
          value={speed}
          options={SPEEDS.map((s) => ({ label: `${s}×`, value: s }))}
          onChange={(v) => {
            setSpeed(Number(v));
            ws.current?.setPlaybackRate(Number(v), true);
          }}
        />
      </Space>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Card size="small" title={t('evidence.audio.transcript')} style={{ flex: '2 1 360px' }} styles={{ body: { maxHeight: 360, overflowY: 'auto' } }}>
          {!transcriptUrl || (transcript.isSuccess && lines.length === 0) ? (
            <Typography.Text type="secondary">{t('evidence.audio.noTranscript')}</Typography.Text>
          ) : transcript.isPending ? (
            <LoadingState />
          ) : (
            <div data-testid="transcript">
              {lines.map((l, i) => (
                <div
                  key={i}
                  ref={(el) => {
                    if (el) lineRefs.current.set(i, el);
                  }}
                  role="button"
                  tabIndex={0}
                  data-testid="transcript-line"
                  data-active={i === current ? 'true' : 'false'}
                  data-start={l.start}
                  onClick={() => ws.current?.setTime(l.start)}
                  onKeyDown={(e) => e.key === 'Enter' && ws.current?.setTime(l.start)}
                  style={{ padding: '4px 8px', cursor: 'pointer', borderRadius: 4, background: i === current ? '#e6f4ff' : undefined, borderLeft: i === current ? '3px solid #1677ff' : '3px solid transparent' }}
                >
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 8 }}>
                    {fmt(l.start)}
                  </Typography.Text>
                  <Tag color={l.speaker === '代理人' ? 'red' : l.speaker === '客服' ? 'blue' : 'default'}>{l.speaker}</Tag>
                  <Typography.Text>{l.text}</Typography.Text>
                </div>
              ))}
            </div>
          )}
        </Card>
        <Card size="small" title={t('evidence.audio.voiceprint')} style={{ flex: '1 1 240px' }}>
          <Voiceprint evidenceId={evidence.id} />
        </Card>
      </div>
    </div>
  );
}
