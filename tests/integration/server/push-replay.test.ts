import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { osloDateOfMs } from '../../../src/shared/rules'
import type { MutationResult, PushMutation, PushResponse } from '../../../src/shared/sync'
import { DEMO_PASSWORD, importNdjson, projectScope, startRegister } from '../../../src/server'
import { mutations } from '../../../src/server/db/schema'
import { backends } from './backends'

/**
 * A4 / R9: the rows a refused or conflicting verdict carries are "the register's rows now" —
 * the device puts them in place of rows its pull skipped while the edit waited. Found by the
 * 10,000-run sync simulation (seeds 5744 and 5748): a stored answer sent again after a lost
 * reply carried the rows of the moment of judging, and a refusal for scope or role hid rows
 * the user's own pull brings, so the device dropped a row no later pull would bring again.
 */
for (const backend of backends())
  describe(`push verdict rows (A4, R9) on ${backend.name}`, () => {
    let register: Awaited<ReturnType<typeof startRegister>>
    let person: Record<string, unknown>
    let personId: string
    const now = new Date()
    const today = osloDateOfMs(now.getTime())
    const seqs = new Map<string, number>()

    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 10 } })
      person = (await projectScope(register.db, '4601')).person[0]
      personId = String(person.id)
    }, 120_000)
    afterAll(async () => {
      await register?.close()
    })

    const login = async (username: string, deviceId: string): Promise<string> => {
      const res = await fetch(`${register.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD, deviceId }),
      })
      return ((await res.json()) as { accessToken: string }).accessToken
    }
    /** A mutation of the device behind `token`, with the device's next seq. */
    const mutation = (token: string, command: string, payload: object, baseVersions: Record<string, number | null>): PushMutation => {
      const seq = (seqs.get(token) ?? 0) + 1
      seqs.set(token, seq)
      return { id: randomUUID(), seq, command, payload, contractVersion: 1, rulesVersion: 'test', naturalKey: null, baseVersions, dependsOn: null, recordedAt: now.toISOString() }
    }
    const send = async (token: string, ...batch: PushMutation[]): Promise<MutationResult[]> => {
      const res = await fetch(`${register.url}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ deviceId: 'ignored', lastSyncAt: null, mutations: batch }),
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as PushResponse).results
    }
    const moveTo = async (municipality: string) => {
      const res = await importNdjson(
        register.db,
        JSON.stringify({ type: 'person', ...person, followUpMunicipality: municipality, followUpDistrict: null, followUpByAgreement: false }),
        { actor: 'test' },
      )
      expect(res.ok, JSON.stringify(res)).toBe(true)
    }
    const contact = (id: string, date: string) => ({ id, personId, scheme: 'norsk', date })

    test('A4 a stored rejection sent again carries the row as the register has it now; the stored response is unchanged', async () => {
      const norsk = await login('norsk', `replay-a-${backend.name}`)
      const other = await login('norsk', `replay-b-${backend.name}`)
      const id = randomUUID()
      expect(await send(norsk, mutation(norsk, 'contact.register', contact(id, today), { [`contact:${id}`]: null }))).toMatchObject([{ verdict: 'applied' }])
      // An edit into the future (R8.3) is rejected with the row at version 1.
      const refused = mutation(norsk, 'contact.register', contact(id, '2999-01-01'), { [`contact:${id}`]: 1 })
      const [first] = await send(norsk, refused)
      expect(first).toMatchObject({ verdict: 'rejected', rows: [{ entity: 'contact', id, version: 1, row: { date: today } }] })
      // Another laptop changes the row; the first laptop never got its answer and sends again.
      const yesterday = osloDateOfMs(now.getTime() - 86_400_000)
      expect(await send(other, mutation(other, 'contact.register', contact(id, yesterday), { [`contact:${id}`]: 1 }))).toMatchObject([{ verdict: 'applied' }])
      const [again] = await send(norsk, refused)
      expect(again).toEqual({ ...first, rows: [{ entity: 'contact', id, version: 2, row: expect.objectContaining({ date: yesterday }) }] })
      const [stored] = await register.db.select().from(mutations).where(eq(mutations.id, refused.id))
      expect(stored.response).toEqual(first)
    })

    test('R9 a refusal for role still returns the rows the user pulls (the intro user reads the person, writes no Norwegian training)', async () => {
      const norsk = await login('norsk', `role-a-${backend.name}`)
      const intro = await login('intro', `role-b-${backend.name}`)
      const id = randomUUID()
      expect(await send(norsk, mutation(norsk, 'contact.register', contact(id, today), { [`contact:${id}`]: null }))).toMatchObject([{ verdict: 'applied' }])
      const [res] = await send(intro, mutation(intro, 'contact.register', contact(id, today), { [`contact:${id}`]: 1 }))
      expect(res).toMatchObject({ verdict: 'rejected', reasons: [{ code: 'NOT_PERMITTED' }], rows: [{ entity: 'contact', id, version: 1, row: { date: today } }] })
    })

    test('R9 a refusal for scope hides the row while the person is away; sent again once they are back, it carries the row', async () => {
      const norsk = await login('norsk', `scope-${backend.name}`)
      const id = randomUUID()
      expect(await send(norsk, mutation(norsk, 'contact.register', contact(id, today), { [`contact:${id}`]: null }))).toMatchObject([{ verdict: 'applied' }])
      await moveTo('0301')
      try {
        const edit = mutation(norsk, 'contact.register', contact(id, today), { [`contact:${id}`]: 1 })
        const [away] = await send(norsk, edit)
        expect(away).toMatchObject({ verdict: 'rejected', reasons: [{ code: 'OUT_OF_SCOPE' }], rows: [{ entity: 'contact', id, version: null, row: null }] })
        await moveTo('4601')
        const [back] = await send(norsk, edit)
        expect(back).toMatchObject({ verdict: 'rejected', reasons: [{ code: 'OUT_OF_SCOPE' }], rows: [{ entity: 'contact', id, version: 1, row: { date: today } }] })
      } finally {
        await moveTo('4601')
      }
    })
  })
