import { ApiError } from './errors';

/** Test helper: awaits a request that must fail and returns its ApiError (any other outcome throws). */
export async function expectApiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}
