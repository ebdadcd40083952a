import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersQuery } from '@/api/resources/session';
import { PSEUDO_ACTORS } from '@/domain/audit-sentence';

/** A user's display name from the (long-cached) users list; falls back to the id while it loads. */
export function UserName({ id, emptyText }: { id: string | null; emptyText?: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(usersQuery());
  if (!id) return <span style={{ color: '#545b66' }}>{emptyText ?? t('common.unassigned')}</span>;
  if (PSEUDO_ACTORS.has(id)) return <>{t(`auditSentence.actor.${id}`)}</>;
  return <>{data?.find((u) => u.id === id)?.name ?? id}</>;
}
