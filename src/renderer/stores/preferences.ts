/** UI preferences (language, theme), remembered in localStorage: they are not audit data. */
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { UiLanguage } from '../i18n';

export type ThemeName = 'light' | 'dark';

const languageKey = 'sg-audit.language';
const themeKey = 'sg-audit.theme';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some privacy settings make merely touching localStorage throw.
    return null;
  }
}

function initialLanguage(): UiLanguage {
  const saved = storage()?.getItem(languageKey);
  if (saved === 'en' || saved === 'zh') return saved;
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  return browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function initialTheme(): ThemeName {
  const saved = storage()?.getItem(themeKey);
  if (saved === 'light' || saved === 'dark') return saved;
  const prefersDark =
    typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return prefersDark ? 'dark' : 'light';
}

export const usePreferencesStore = defineStore('preferences', () => {
  const language = ref<UiLanguage>(initialLanguage());
  const theme = ref<ThemeName>(initialTheme());

  watch(language, (value) => storage()?.setItem(languageKey, value));
  watch(theme, (value) => storage()?.setItem(themeKey, value));

  function setLanguage(value: UiLanguage): void {
    language.value = value;
  }

  function toggleTheme(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark';
  }

  return { language, theme, setLanguage, toggleTheme };
});
