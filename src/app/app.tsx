import { RouterProvider } from '@tanstack/react-router';
import { AppErrorBoundary } from './error-boundary';
import { AppProviders } from './providers';
import { router } from './router';

export function JianzhengApp() {
  return (
    <AppProviders>
      <AppErrorBoundary>
        <RouterProvider router={router} />
      </AppErrorBoundary>
    </AppProviders>
  );
}
