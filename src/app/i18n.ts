import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { configureApi } from '@/api/client';
import { setDayjsLanguage } from '@/lib/dayjs';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'jianzheng.language';

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage can be blocked (private mode, policies); the default language still works
  }
}

/** Everything that must follow the UI language outside React: server error messages, dates, <html lang>. */
function applyLanguage(language: string) {
  configureApi({ language });
  setDayjsLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* not persisted; harmless */
  }
}

/**
 * Each feature keeps its messages beside its code (`src/features/<name>/locales/<lang>.json`, one top-level
 * key per feature), so screens can be added without everyone editing one shared file. Only the language
 * in use is downloaded (and Chinese, the fallback); the other arrives when someone switches to it.
 */
const sharedMessages = import.meta.glob<Record<string, unknown>>('../locales/*.json', { import: 'default' });
const featureMessages = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', { import: 'default' });
async function messagesFor(language: string): Promise<Record<string, unknown>> {
  const file = `/${language}.json`;
  const parts = await Promise.all([...Object.entries(sharedMessages), ...Object.entries(featureMessages)].filter(([path]) => path.endsWith(file)).map(([, load]) => load()));
  return Object.assign({}, ...parts);
}
const lazyMessages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => void messagesFor(language).then((m) => callback(null, m), (e: Error) => callback(e, false)),
};

const initial = storedLanguage();
/** Resolves once the first language's messages are in: the app renders after it, never with raw keys. */
export const i18nReady = i18n
  .use(lazyMessages)
  .use(initReactI18next)
  .init({
    lng: initial,
    fallbackLng: 'zh-CN',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false }, // React already escapes
    returnNull: false,
    showSupportNotice: false,
  });
applyLanguage(initial);
i18n.on('languageChanged', applyLanguage);

export const currentLanguage = (): Language => (i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN');
export { i18n };
