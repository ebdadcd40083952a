import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { usersQuery } from '@/api/resources/session';
import type { AuditEvent } from '@/api/schemas';
import { describeAuditEvent, PSEUDO_ACTORS } from '@/domain/audit-sentence';

/** `(event) => sentence` in the UI language, with people's names from the users list. */
export function useAuditSentence() {
  const { t } = useTranslation();
  const { data: users } = useQuery(usersQuery());
  const nameOf = useCallback(
    (id: string | null | undefined) =>
      !id ? t('auditSentence.none') : PSEUDO_ACTORS.has(id) ? t(`auditSentence.actor.${id}`) : (users?.find((u) => u.id === id)?.name ?? id),
    [t, users],
  );
  return useCallback((e: AuditEvent) => describeAuditEvent(e, (key, vars) => t(key, vars), nameOf), [t, nameOf]);
}
