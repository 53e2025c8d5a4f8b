import { createI18n } from 'vue-i18n';
import { en, type MessageSchema } from './en';
import { zh } from './zh';

export type UiLanguage = 'en' | 'zh';

export function createUiI18n(language: UiLanguage) {
  return createI18n<[MessageSchema], UiLanguage, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'en',
    messages: { en, zh },
    // Messages are static text; nothing here is HTML.
    warnHtmlMessage: true,
    missingWarn: false,
    fallbackWarn: false,
  });
}
