import { Space, Tag, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity } from '@/api/schemas';
import { MaskedValue } from '@/components/MaskedValue';
import { TypeSwatch } from './Legend';

/** Entity types whose label is a masked identifier with a clear value behind it (reveal is audited). */
const PII_TYPES = new Set(['phone', 'im_account', 'device', 'ip', 'bank_account']);

export type Open = (href: string) => void;

export const queueHref = (complaintId: string) => `/queue?complaint=${encodeURIComponent(complaintId)}&q=${encodeURIComponent(complaintId)}&status=`;
export const evidenceHref = (evidenceId: string) => `/evidence?id=${encodeURIComponent(evidenceId)}`;

export function AppLink({ href, onOpen, children, testId }: { href: string; onOpen: Open; children: React.ReactNode; testId?: string }) {
  return (
    <a
      href={href}
      data-testid={testId}
      onClick={(e: MouseEvent) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        onOpen(href);
      }}
    >
      {children}
    </a>
  );
}

export function EntityLabel({ entity, reveal = false }: { entity: Entity; reveal?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <TypeSwatch type={entity.type} />
      {reveal && PII_TYPES.has(entity.type) && !entity.isHub ? (
        <MaskedValue value={entity.label} recordType="entity" recordId={entity.id} field="label" />
      ) : (
        <Typography.Text>{entity.label}</Typography.Text>
      )}
      {entity.isHub && <Tag color="black">{t('graph.hub')}</Tag>}
    </Space>
  );
}

/** Complaint and evidence ids as links to the queue and the evidence screen. */
export function RecordLinks({ complaintIds, evidenceIds, onOpen, limit = 30 }: { complaintIds: string[]; evidenceIds: string[]; onOpen: Open; limit?: number }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text type="secondary">{t('graph.complaintsBehind', { count: complaintIds.length })}</Typography.Text>
      <div data-testid="graph-complaint-links" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, margin: '4px 0 8px' }}>
        {complaintIds.slice(0, limit).map((id) => (
          <AppLink key={id} href={queueHref(id)} onOpen={onOpen} testId="graph-complaint-link">
            {id}
          </AppLink>
        ))}
        {complaintIds.length > limit && <Typography.Text type="secondary">+{complaintIds.length - limit}</Typography.Text>}
      </div>
      <Typography.Text type="secondary">{t('graph.evidenceBehind', { count: evidenceIds.length })}</Typography.Text>
      <div data-testid="graph-evidence-links" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }}>
        {evidenceIds.slice(0, limit).map((id) => (
          <AppLink key={id} href={evidenceHref(id)} onOpen={onOpen} testId="graph-evidence-link">
            {id}
          </AppLink>
        ))}
        {evidenceIds.length > limit && <Typography.Text type="secondary">+{evidenceIds.length - limit}</Typography.Text>}
      </div>
    </div>
  );
}
