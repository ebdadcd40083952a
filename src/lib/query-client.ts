import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, type ApiErrorKind } from '@/api/errors';

/** Retrying these cannot help: the server has answered and will answer the same way again. */
const FINAL_KINDS: ReadonlySet<ApiErrorKind> = new Set(['forbidden', 'conflict', 'validation', 'not_found', 'malformed', 'unauthorized']);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && FINAL_KINDS.has(error.kind)) return false;
  return failureCount < 2;
}

/**
 * A request answered 401 means the session ended (idle, signed out elsewhere, account disabled): the
 * session query is asked again, and the app shows the sign-in form over whatever is on screen.
 */
export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.kind === 'unauthorized' && query.queryKey[0] !== 'session') void client.invalidateQueries({ queryKey: ['session'] });
      },
    }),
    defaultOptions: {
      // 'always': offline, a request fails at once with a network error the screen explains and offers to
      // retry, instead of waiting paused (a spinner that never ends) for the browser to say it is online.
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false, networkMode: 'always' },
      // Writes are never retried automatically: a repeated PATCH could apply a change twice.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  return client;
}
