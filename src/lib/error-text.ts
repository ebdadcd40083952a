import type { TFunction } from 'i18next';
import { isApiError } from '@/api/errors';

/**
 * One line for a toast: the server's own message when it sent one (already in the UI language),
 * otherwise the human title of the failure kind.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.kind === 'network' || error.kind === 'malformed') return t(`error.title.${error.kind}`);
    return error.message || t(`error.title.${error.kind}`);
  }
  return error instanceof Error && error.message ? error.message : t('error.title.unknown');
}
