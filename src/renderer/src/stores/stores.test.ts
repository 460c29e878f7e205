// @vitest-environment happy-dom
import type { Reason } from '../../../shared/api'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../plugins/i18n'
import { useNotificationsStore } from './notifications'
import { usePersonListStore } from './personList'
import { usePersonsStore } from './persons'
import { useReferenceStore } from './reference'
import { useSessionStore } from './session'

/**
 * The stores against the transport boundary only (`window.nir.invoke`, the preload bridge):
 * each test scripts what the device answers and checks what the store keeps and returns.
 */
type Answer = { ok: true; value: unknown } | { ok: false; reasons: { code: string; field?: string }[] }
let calls: { name: string; input: unknown }[] = []
let answers: Record<string, Answer | ((input: unknown) => Answer)> = {}

beforeEach(() => {
  setActivePinia(createPinia())
  calls = []
  answers = {}
  window.nir = {
    invoke: (async (name: string, input: unknown) => {
      calls.push({ name, input })
      const a = answers[name]
      if (!a) throw new Error(`no answer scripted for ${name}`)
      return typeof a === 'function' ? a(input) : a
    }) as NonNullable<Window['nir']>['invoke'],
    on: () => () => undefined,
  }
})
afterEach(() => {
  delete window.nir
  i18n.global.locale.value = 'nb'
})

const user = { username: 'intro', displayName: 'Intro', municipality: '4601', district: null, roles: ['kommuneintro'] }
const hit = (id: string) => ({ id, duf: `2012000000${id.padStart(2, '0')}`, firstName: 'Kari', middleName: null, lastName: 'Hansen', birthDate: '1990-01-01' })
const refused = (code: string, field?: string): Answer => ({ ok: false, reasons: [{ code, field }] })

describe('session store (A3, A7)', () => {
  test.each([
    ['a login the device accepts unlocks the session', { ok: true, value: { phase: 'unlocked', user, replicaReady: true } } as Answer, null, true],
    ['a refused login returns its reasons and stays logged out', refused('INVALID_CREDENTIALS', 'password'), [{ code: 'INVALID_CREDENTIALS', field: 'password' }], false],
  ])('%s', async (_name, answer, reasons, loggedIn) => {
    answers['session.login'] = answer
    const s = useSessionStore()
    expect(await s.login('intro', 'pw')).toEqual(reasons)
    expect(s.loggedIn).toBe(loggedIn)
    expect(s.busy).toBe(false)
    expect(calls).toEqual([{ name: 'session.login', input: { username: 'intro', password: 'pw' } }])
  })

  test('a host that cannot be reached is remembered as a load error, and cleared by the next answer', async () => {
    const s = useSessionStore()
    answers['session.state'] = refused('internal')
    await s.refresh()
    expect(s.state).toBeNull()
    expect(s.loadError).toEqual([{ code: 'internal' }])
    answers['session.state'] = { ok: true, value: { phase: 'loggedOut', user: null, replicaReady: false } }
    await s.refresh()
    expect(s.loadError).toBeNull()
    expect(s.loggedIn).toBe(false)
  })

  test('logout takes the state the device answers', async () => {
    answers['session.login'] = { ok: true, value: { phase: 'unlocked', user, replicaReady: true } }
    answers['session.logout'] = { ok: true, value: { phase: 'loggedOut', user: null, replicaReady: false } }
    const s = useSessionStore()
    await s.login('intro', 'pw')
    expect(await s.logout()).toBeNull()
    expect(s.loggedIn).toBe(false)
    expect(s.user).toBeNull()
  })

  test.each([
    ['unlocked', true, false],
    ['locked', true, true],
    ['loggedOut', false, false],
  ])('issue 11.4: phase %s → logged in %s, locked %s (a locked session keeps its screens mounted under the unlock screen)', async (phase, loggedIn, locked) => {
    answers['session.state'] = { ok: true, value: { phase, user: phase === 'loggedOut' ? null : user, replicaReady: phase !== 'loggedOut' } }
    const s = useSessionStore()
    await s.refresh()
    expect([s.loggedIn, s.locked]).toEqual([loggedIn, locked])
  })
})

describe('persons store (D5, R2.4)', () => {
  test('a search keeps its query and result; a refused one keeps the reasons and no result', async () => {
    const p = usePersonsStore()
    answers['persons.search'] = { ok: true, value: { kind: 'name', value: 'han', hits: [hit('1')], warnings: [], truncated: false, fromRegister: false } }
    expect((await p.search('han'))?.hits).toHaveLength(1)
    expect(p.query).toBe('han')
    answers['persons.search'] = refused('SEARCH_DATE_INVALID', 'query')
    expect(await p.search('31.02.1990')).toBeNull()
    expect(p.result).toBeNull()
    expect(p.searchReasons).toEqual([{ code: 'SEARCH_DATE_INVALID', field: 'query' }])
    expect(p.searching).toBe(false)
  })

  test('opening another person blanks the old one at once; re-opening the same keeps it on screen', async () => {
    const p = usePersonsStore()
    const view = (id: string) => ({ bundle: { person: { id } }, inPersonList: false })
    answers['persons.get'] = (input) => ({ ok: true, value: view((input as { personId: string }).personId) })
    await p.open('a')
    expect(p.current?.bundle.person.id).toBe('a')
    const again = p.open('a')
    expect(p.current?.bundle.person.id).toBe('a')
    await again
    answers['persons.get'] = refused('NOT_FOUND')
    const other = p.open('b')
    expect(p.current).toBeNull()
    await other
    expect(p.currentReasons).toEqual([{ code: 'NOT_FOUND' }])
  })

  test('setInPersonList changes only the person on screen; reset forgets everything', async () => {
    const p = usePersonsStore()
    answers['persons.get'] = { ok: true, value: { bundle: { person: { id: 'a' } }, inPersonList: false } }
    await p.open('a')
    p.setInPersonList('b', true)
    expect(p.current?.inPersonList).toBe(false)
    p.setInPersonList('a', true)
    expect(p.current?.inPersonList).toBe(true)
    p.reset()
    expect([p.current, p.result, p.query]).toEqual([null, null, ''])
  })
})

describe('person list store (D5 «personliste»)', () => {
  test.each([
    ['load', (s: ReturnType<typeof usePersonListStore>) => s.load(), 'personList.list', {}],
    ['add', (s: ReturnType<typeof usePersonListStore>) => s.add('1'), 'personList.add', { personId: '1' }],
    ['remove', (s: ReturnType<typeof usePersonListStore>) => s.remove('1'), 'personList.remove', { personId: '1' }],
  ])('%s sends its command and takes the list the device answers', async (_name, act, command, input) => {
    answers[command] = { ok: true, value: [hit('2'), hit('3')] }
    const s = usePersonListStore()
    expect(await act(s)).toBeNull()
    expect(calls).toEqual([{ name: command, input }])
    expect(s.items.map((x) => x.id)).toEqual(['2', '3'])
    expect(s.loaded).toBe(true)
    expect(s.contains('3')).toBe(true)
  })

  test('a refused change keeps the list as it was and returns the reasons', async () => {
    answers['personList.list'] = { ok: true, value: [hit('2')] }
    answers['personList.add'] = refused('NO_PERSON_ACCESS')
    const s = usePersonListStore()
    await s.load()
    expect(await s.add('9')).toEqual([{ code: 'NO_PERSON_ACCESS' }])
    expect(s.items.map((x) => x.id)).toEqual(['2'])
    expect(s.busy).toBe(false)
  })
})

describe('reference store (code lists and municipality names)', () => {
  const grounds = [
    {
      list: 'permitGround',
      code: 'FAM_FLYKTNING',
      nameNb: 'Familiegjenforening med flyktning',
      nameNn: 'Familiegjenforeining med flyktning',
      data: {},
      validFrom: null,
      validTo: null,
    },
  ]

  test('a code shows the code list name in the chosen language, and itself before the list is loaded', async () => {
    answers['reference.codeList'] = { ok: true, value: grounds }
    const r = useReferenceStore()
    expect(r.codeName('permitGround', 'FAM_FLYKTNING')).toBe('FAM_FLYKTNING')
    await r.loadList('permitGround')
    expect(r.codeName('permitGround', 'FAM_FLYKTNING')).toBe('Familiegjenforening med flyktning')
    i18n.global.locale.value = 'nn'
    expect(r.codeName('permitGround', 'FAM_FLYKTNING')).toBe('Familiegjenforeining med flyktning')
    expect(r.codeName('permitGround', null)).toBe('–')
  })

  test('each list is fetched once; a failed fetch is tried again by the next screen', async () => {
    answers['reference.codeList'] = refused('internal')
    const r = useReferenceStore()
    await r.loadList('permitGround')
    answers['reference.codeList'] = { ok: true, value: grounds }
    await r.loadList('permitGround')
    await r.loadList('permitGround')
    expect(calls.filter((c) => c.name === 'reference.codeList')).toHaveLength(2)
    expect(r.lists.permitGround).toHaveLength(1)
  })

  test('municipality and district names come with the code; unknown codes show as themselves', async () => {
    answers['reference.municipalities'] = {
      ok: true,
      value: { municipalities: [{ code: '4601', name: 'Bergen' }], districts: [{ code: '460101', name: 'Arna', municipality: '4601' }] },
    }
    const r = useReferenceStore()
    await r.loadMunicipalities()
    expect([r.municipalityName('4601'), r.municipalityName('0301'), r.districtName('460101'), r.districtName(null)]).toEqual(['Bergen (4601)', '0301', 'Arna', null])
    r.reset()
    expect(r.municipalityName('4601')).toBe('4601')
  })
})

describe('notifications store (the one funnel, style.md 6)', () => {
  test.each([
    ['only warnings make a warning', [{ code: 'DUF_CHECK_FAILED', severity: 'warning' }], 'warning'],
    ['any error makes an error', [{ code: 'DUF_CHECK_FAILED', severity: 'warning' }, { code: 'internal' }], 'error'],
  ] satisfies [string, Reason[], string][])('%s', (_name, reasons, kind) => {
    const n = useNotificationsStore()
    n.reasons(reasons)
    expect(n.queue.map((x) => x.kind)).toEqual([kind])
  })

  test('no reasons, no notice; dismiss removes exactly the one shown', () => {
    const n = useNotificationsStore()
    n.reasons([])
    expect(n.queue).toHaveLength(0)
    n.success('person.added')
    n.success('person.removed')
    n.dismiss(n.queue[0]!.id)
    expect(n.queue.map((x) => x.messageKey)).toEqual(['person.removed'])
  })
})
