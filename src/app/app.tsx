import { RouterProvider } from '@tanstack/react-router';
import { AppErrorBoundary } from './error-boundary';
import { AppProviders } from './providers';
import { router } from './router';
import { SessionGate } from './session-gate';

export { i18nReady } from './i18n';

export function JianzhengApp() {
  return (
    <AppProviders>
      <AppErrorBoundary>
        <SessionGate>
          <RouterProvider router={router} />
        </SessionGate>
      </AppErrorBoundary>
    </AppProviders>
  );
}
