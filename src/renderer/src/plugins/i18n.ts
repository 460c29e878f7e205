import { createI18n } from 'vue-i18n'
import { messages, type Messages } from '../../../shared/i18n'
import type { Language } from '../../../shared/api'

const storageKey = 'nir.locale'

/** The saved language, bokmål unless the caseworker chose nynorsk. */
export function savedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'nn' ? 'nn' : 'nb'
  } catch {
    return 'nb'
  }
}

export function saveLanguage(lang: Language): void {
  try {
    localStorage.setItem(storageKey, lang)
  } catch {
    // Storage may be unavailable (privacy mode); the choice then lasts for this session.
  }
  document.documentElement.lang = lang
}

/** Bokmål is the message schema (`Messages`); nynorsk is checked against it in `shared/i18n`. */
export const i18n = createI18n<[Messages], Language, false>({
  legacy: false,
  locale: savedLanguage(),
  fallbackLocale: 'nb',
  messages,
  missingWarn: false,
  fallbackWarn: false,
})
