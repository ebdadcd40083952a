import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { configureApi } from '@/api/client';
import { setDayjsLanguage } from '@/lib/dayjs';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';

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
 * key per feature), so screens can be added without everyone editing one shared file.
 */
const featureMessages = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', { eager: true, import: 'default' });
function messagesFor(language: Language, shared: Record<string, unknown>) {
  const merged = { ...shared };
  for (const [path, messages] of Object.entries(featureMessages)) {
    if (path.endsWith(`/${language}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: messagesFor('zh-CN', zhCN) }, en: { translation: messagesFor('en', en) } },
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
