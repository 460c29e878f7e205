// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { messages } from '../../../shared/i18n'
import { useLeaveGuard } from './useLeaveGuard'

/** A form screen with the guard, and the questions the caseworker was asked. */
function setup(answer: boolean, lang: 'nb' | 'nn' = 'nn') {
  const dirty = ref(false)
  const asked: string[] = []
  const Form = defineComponent({
    setup() {
      useLeaveGuard(dirty, (message) => {
        asked.push(message)
        return answer
      })
      return () => h('form', 'skjema')
    },
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/form/:id', component: Form },
      { path: '/other', component: { render: () => h('p', 'anna') } },
    ],
  })
  const i18n = createI18n({ legacy: false, locale: lang, messages, missingWarn: false, fallbackWarn: false })
  return { dirty, asked, router, i18n }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function start(s: ReturnType<typeof setup>): Promise<void> {
  await s.router.push('/form/1')
  wrapper = mount(RouterView, { global: { plugins: [s.router, s.i18n] } })
  await s.router.isReady()
  await flushPromises()
}

describe('leave guard for half-filled dialogs (issue 6 point 4)', () => {
  test.each([
    ['an untouched form is left without a question', false, true, '/other', 0],
    ['a half-filled form asks, and stays when the caseworker says no', true, false, '/form/1', 1],
    ['a half-filled form asks, and leaves when the caseworker says yes', true, true, '/other', 1],
  ])('%s', async (_name, dirty, answer, where, questions) => {
    const s = setup(answer)
    await start(s)
    s.dirty.value = dirty
    await s.router.push('/other')
    expect(s.router.currentRoute.value.path).toBe(where)
    expect(s.asked).toHaveLength(questions)
  })

  test('opening another person on the same screen asks too', async () => {
    const s = setup(false)
    await start(s)
    s.dirty.value = true
    await s.router.push('/form/2')
    expect(s.router.currentRoute.value.path).toBe('/form/1')
    expect(s.asked).toHaveLength(1)
  })

  test.each([
    ['nb', messages.nb.app.leaveUnsaved],
    ['nn', messages.nn.app.leaveUnsaved],
  ] as const)('the question is asked in the chosen language (%s)', async (lang, text) => {
    const s = setup(false, lang)
    await start(s)
    s.dirty.value = true
    await s.router.push('/other')
    expect(s.asked).toEqual([text])
  })

  test('closing the window with a half-filled form gets the browser question', async () => {
    const s = setup(true)
    await start(s)
    const event = () => {
      const e = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(e)
      return e.defaultPrevented
    }
    expect(event()).toBe(false)
    s.dirty.value = true
    expect(event()).toBe(true)
  })
})
