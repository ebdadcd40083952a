import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/components/LoadingState';
import { hashMessages, parseChat, threadsOf } from '../lib/chat';

/** WeChat/QQ export: threads split by long pauses, each message with sender, time and its own SHA-256. */
export function ChatViewer({ text, cacheKey }: { text: string; cacheKey: string }) {
  const { t } = useTranslation();
  const parsed = useQuery({ queryKey: ['evidence-chat', cacheKey], queryFn: async () => threadsOf(await hashMessages(parseChat(text))), staleTime: Infinity });
  if (parsed.isPending) return <LoadingState />;
  const threads = parsed.data ?? [];
  if (threads.length === 0) return <Typography.Text type="secondary">{t('evidence.chat.empty')}</Typography.Text>;
  const senders = [...new Set(threads.flatMap((th) => th.messages.map((m) => m.sender)))];
  const colour = (s: string) => ['blue', 'purple', 'green', 'orange', 'cyan', 'magenta'][senders.indexOf(s) % 6];
  return (
    <div data-testid="chat-viewer" style={{ maxHeight: 680, overflowY: 'auto' }}>
      <Typography.Paragraph type="secondary">{t('evidence.chat.summary', { threads: threads.length, messages: threads.reduce((n, th) => n + th.messages.length, 0), senders: senders.length })}</Typography.Paragraph>
      <Collapse
        defaultActiveKey={threads.map((th) => th.id)}
        items={threads.map((th) => ({
          key: th.id,
          label: t('evidence.chat.thread', { start: th.start, end: th.end, count: th.messages.length }),
          children: (
            <div data-testid="chat-thread">
              {th.messages.map((m) => (
                <Card key={m.index} size="small" style={{ marginBottom: 6 }} data-testid="chat-message">
                  <Space size={8} wrap style={{ marginBottom: 4 }}>
                    <Tag color={colour(m.sender)} data-testid="chat-sender">
                      {m.sender}
                    </Tag>
                    <Typography.Text type="secondary" data-testid="chat-time">
                      {m.time}
                    </Typography.Text>
                  </Space>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{m.text}</Typography.Paragraph>
                  <Tooltip title={t('evidence.chat.hashHelp')}>
                    <Typography.Text code copyable={{ text: m.hash }} style={{ fontSize: 11 }} data-testid="chat-hash">
                      SHA-256 {m.hash.slice(0, 16)}…
                    </Typography.Text>
                  </Tooltip>
                </Card>
              ))}
            </div>
          ),
        }))}
      />
    </div>
  );
}
