import type { ErrorBody } from './schemas';

export type ApiErrorKind = 'network' | 'http' | 'malformed' | 'conflict' | 'forbidden' | 'validation' | 'not_found' | 'unauthorized';

/**
 * Every failure of the API layer becomes one of these, so screens can say what happened
 * (and keep the user's work) instead of going blank.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly path: string;
  /** For conflicts: the record as the server holds it now. */
  readonly current: unknown;

  constructor(opts: { kind: ApiErrorKind; message: string; status?: number | null; path: string; current?: unknown; cause?: unknown }) {
    super(opts.message, { cause: opts.cause });
    this.name = 'ApiError';
    this.kind = opts.kind;
    this.status = opts.status ?? null;
    this.path = opts.path;
    this.current = opts.current;
  }

  static fromErrorBody(path: string, status: number, body: ErrorBody): ApiError {
    const kind: ApiErrorKind =
      status === 401 ? 'unauthorized' : status === 409 ? 'conflict' : status === 403 || status === 423 ? 'forbidden' : status === 404 ? 'not_found' : status === 400 || status === 413 || status === 415 || status === 422 ? 'validation' : 'http';
    return new ApiError({ kind, status, path, message: body.message, current: body.current });
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
