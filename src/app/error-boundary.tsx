import { QueryErrorResetBoundary, useQueryClient, useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';

/**
 * Route-level error screen: says what kind of failure happened (network, malformed data, forbidden...)
 * and offers a Retry that clears the failed queries and renders the route again, so they refetch.
 */
export function RouteErrorComponent({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const queryBoundary = useQueryErrorResetBoundary();

  const retry = () => {
    // Forget the failed results so remounting components fetch again instead of re-throwing the cached error.
    void queryClient.resetQueries({ predicate: (query) => query.state.status === 'error' });
    queryBoundary.reset();
    reset();
    void router.invalidate();
  };

  return (
    <div style={{ padding: 24 }}>
      <ApiErrorAlert error={error} onRetry={retry} />
    </div>
  );
}

type BoundaryState = { error: unknown };

/** Last line of defence outside the router (providers, layout): never a blank page. */
class Boundary extends Component<{ children: ReactNode; onReset: () => void }, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Unhandled UI error', error, info.componentStack);
  }

  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div style={{ padding: 24 }}>
        <ApiErrorAlert
          error={this.state.error}
          onRetry={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        />
      </div>
    );
  }
}

export function AppErrorBoundary({ children }: { children: ReactNode }) {
  return <QueryErrorResetBoundary>{({ reset }) => <Boundary onReset={reset}>{children}</Boundary>}</QueryErrorResetBoundary>;
}
