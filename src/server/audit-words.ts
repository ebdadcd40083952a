/**
 * The shared locale files on the server, for text a file carries out of the app (the audit CSV): the same
 * sentences the screens show, in the language the request asks for.
 */
import i18next, { type TFunction } from 'i18next';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import type { Lang } from './messages';

const instances: Record<Lang, TFunction> = { zh: make('zh-CN', zhCN), en: make('en', en) };

function make(lng: string, translation: Record<string, unknown>): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ lng, resources: { [lng]: { translation } }, initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
  return instance.t;
}

export const sharedWords = (lang: Lang) => (key: string, vars?: Record<string, string | number>) => instances[lang](key, vars);
