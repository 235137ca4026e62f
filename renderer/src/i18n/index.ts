// vue-i18n in composition mode. The locale comes from localStorage, else from the browser
// language (zh* → zh-CN, anything else → en); the ui store switches and remembers it.
import { createI18n } from 'vue-i18n';
import en, { type MessageSchema } from './en';
import zhCN from './zh-CN';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in that language, as language pickers show them. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };

const STORAGE_KEY = 'kubelab.locale';

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** The remembered locale, else the one matching `navigator.language`. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en, 'zh-CN': zhCN },
});

/** Text given in several languages (as lessons give it), in `locale`, falling back to English. */
export type LocalizedText = Partial<Record<string, string>>;

export function pickText(text: { en?: string; 'zh-CN'?: string } | LocalizedText, locale: Locale): string {
  const t = text as LocalizedText;
  return t[locale] ?? t.en ?? Object.values(t).find((v) => typeof v === 'string') ?? '';
}
