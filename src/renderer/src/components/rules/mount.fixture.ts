/**
 * Mounting for the rules components' tests: the real Vuetify, the real vue-i18n with the
 * app's shared messages, and the real rules (`evaluatePerson`) — nothing of ours is faked.
 */
import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Component } from 'vue'
import { createVuetify } from 'vuetify'
import * as components from 'vuetify/components'
import * as directives from 'vuetify/directives'
import { createI18n } from 'vue-i18n'
import { createPinia } from 'pinia'
import { messages } from '../../../../shared/i18n'

export type Lang = 'nb' | 'nn'

// happy-dom has no `visualViewport`; Vuetify's overlay reads it as a bare global
// (`visualViewport?.…`), which throws when undeclared. Declare it absent, as in a browser
// without the API, so the real VDialog runs.
if (!('visualViewport' in globalThis)) Object.defineProperty(globalThis, 'visualViewport', { value: null, configurable: true })

export function mountWithPlugins(component: Component, props: Record<string, unknown>, lang: Lang = 'nb'): VueWrapper {
  const vuetify = createVuetify({ components, directives })
  const i18n = createI18n({ legacy: false, locale: lang, fallbackLocale: 'nb', messages, missingWarn: false, fallbackWarn: false })
  return mount(component, { props, attachTo: document.body, global: { plugins: [vuetify, i18n, createPinia()] } })
}

/** The open dialog's card (Vuetify teleports overlays to the body). */
export function openLog(): HTMLElement | null {
  return document.body.querySelector('[data-testid="calculation-log"]')
}

/** Log lines as shown: "R5.2 Start 01.05.2018 + …". */
export function logLines(): string[] {
  return [...document.body.querySelectorAll('[data-testid="calculation-log-step"]')].map((li) => squash(li.textContent))
}

export const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim()

/** Let Vuetify's overlay mount/unmount and transitions settle. */
export async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}
