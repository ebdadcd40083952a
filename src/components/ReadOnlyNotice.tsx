import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/api/schemas';

/** Roles that read casework but never change it (the server refuses their writes). */
export const isReadOnlyRole = (role: Role | undefined) => role === 'auditor' || role === 'admin';

/**
 * The one way a screen says it is read-only for the signed-in role, so a disabled control is never
 * left unexplained. Renders nothing for roles that can write.
 */
export function ReadOnlyNotice({ role }: { role: Role | undefined }) {
  const { t } = useTranslation();
  if (!isReadOnlyRole(role)) return null;
  return <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="read-only-notice" message={t(role === 'admin' ? 'common.readOnly.admin' : 'common.readOnly.auditor')} />;
}
