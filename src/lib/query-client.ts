import { QueryClient } from '@tanstack/react-query';
import { isApiError, type ApiErrorKind } from '@/api/errors';

/** Retrying these cannot help: the server has answered and will answer the same way again. */
const FINAL_KINDS: ReadonlySet<ApiErrorKind> = new Set(['forbidden', 'conflict', 'validation', 'not_found', 'malformed']);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && FINAL_KINDS.has(error.kind)) return false;
  return failureCount < 2;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      // Writes are never retried automatically: a repeated PATCH could apply a change twice.
      mutations: { retry: false },
    },
  });
}
