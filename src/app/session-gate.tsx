import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Modal, Result, Button } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { sessionKeys, sessionQuery } from '@/api/resources/session';
import type { Session } from '@/api/schemas';
import { LoadingState } from '@/components/LoadingState';

// Signed-in people never see the form: it (and antd's Form) loads only when someone has to sign in.
const LoginForm = lazy(() => import('@/features/auth/components/LoginForm').then((m) => ({ default: m.LoginForm })));
const LoginPage = lazy(() => import('@/features/auth/components/LoginPage').then((m) => ({ default: m.LoginPage })));

/**
 * Against the server, nothing shows before sign-in. When a session ends mid-work the sign-in form comes
 * over the page instead of replacing it, so drafts and open dialogs are still there afterwards.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useQuery({ ...sessionQuery(), staleTime: Infinity });
  const signedOut = isApiError(session.error) && session.error.kind === 'unauthorized';

  const onSignedIn = (next: Session) => {
    queryClient.setQueryData(sessionKeys.all, next);
    // Another person may have signed in at this desk: refetch everything for them.
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };

  // A failed refetch keeps the last data: the person was signed in, and their page stays under the form.
  if (session.data) {
    return (
      <>
        {children}
        <Modal open={signedOut} title={t('auth.expiredTitle')} closable={false} maskClosable={false} keyboard={false} footer={null} destroyOnHidden data-testid="session-expired">
          <p>{t('auth.expiredBody')}</p>
          <Suspense fallback={<LoadingState />}>
            <LoginForm onSignedIn={onSignedIn} />
          </Suspense>
        </Modal>
      </>
    );
  }
  if (signedOut)
    return (
      <Suspense fallback={<LoadingState />}>
        <LoginPage onSignedIn={onSignedIn} />
      </Suspense>
    );
  if (session.isError)
    return (
      <Result
        status="warning"
        title={t('header.sessionError')}
        extra={
          <Button type="primary" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  return <LoadingState />;
}
