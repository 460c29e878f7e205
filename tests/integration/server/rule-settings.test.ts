import { and, eq, max } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, importNdjson, startRegister } from '../../../src/server'
import type { RunningRegister } from '../../../src/server'
import { auditLog, codeLists, personEvaluations } from '../../../src/server/db/schema'
import type { StoredEvaluation } from '../../../src/shared/rules'
import { loginResponseSchema } from '../../../src/shared/sync'
import { spawnCli } from '../support/spawn-cli'
import { tempDir } from '../sync/helpers'
import { backends } from './backends'
import { toText } from './fixtures'

/**
 * Issue 9 point 5 on the register: the central administrator changes an R12 rule setting by
 * `PUT /admin/rule-settings/:key` (real HTTP) or the CLI (a real process); every other user is
 * refused 403 with a reason, a bad key, value or missing reason 400 with a reason per field and
 * nothing written; a change bumps the synced row, is audited (who, when, old → new, why) and
 * re-evaluates the stored evaluations.
 */

/** A § 34 holder granted 2026-07-05, after the default last 6A date 2026-06-30 (R12.0.3, J11). */
const PERSON = '7e0c4a52-9a3e-4c1b-8d55-2f0a9b6c1d34'
const feed = toText([
  {
    type: 'person',
    id: PERSON,
    duf: '202612345678',
    dufCheckFailed: false,
    nationalId: null,
    regNumber: null,
    firstName: 'Olena',
    middleName: null,
    lastName: 'Testova',
    birthDate: '1990-04-02',
    sex: 'K',
    closed: false,
    arrivalDate: '2026-07-01',
    followUpMunicipality: '4601',
    followUpDistrict: null,
    followUpByAgreement: false,
    receptionCentre: null,
  },
  {
    type: 'permit',
    id: '7e0c4a52-0000-4c1b-8d55-2f0a9b6c1d35',
    personId: PERSON,
    groundCode: 'UTL34',
    permitType: 'Kollektiv beskyttelse',
    legalBasis: 'utlendingsloven § 34',
    validFrom: '2026-07-05',
    validTo: '2027-07-04',
    grantedDate: '2026-07-05',
  },
])

const tmp = tempDir('rule-settings-cli')
afterAll(() => tmp.remove())

describe.each(backends())('rule settings on the register ($name)', (backend) => {
  let reg: RunningRegister
  beforeAll(async () => {
    reg = await startRegister({ ...(await backend.options()), demo: { persons: 4 } })
    expect(await importNdjson(reg.db, feed, { actor: 'test' })).toMatchObject({ ok: true })
  })
  afterAll(async () => reg?.close())

  const login = async (username: string): Promise<string> => {
    const res = await fetch(`${reg.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD, deviceId: 'd1' }),
    })
    expect(res.status).toBe(200)
    return loginResponseSchema.parse(await res.json()).accessToken
  }
  const put = (key: string, body: unknown, token?: string) =>
    fetch(`${reg.url}/admin/rule-settings/${encodeURIComponent(key)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
  /** What a refused change must leave alone: the setting rows, their seqs, the audit log. */
  const state = async () => ({
    rows: await reg.db
      .select({ id: codeLists.id, data: codeLists.data, version: codeLists.version, seq: codeLists.seq })
      .from(codeLists)
      .where(eq(codeLists.list, 'ruleSetting'))
      .orderBy(codeLists.id),
    audits: (await reg.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'ruleSetting.set'))).length,
  })
  const stored = async (): Promise<StoredEvaluation> => (await reg.db.select().from(personEvaluations).where(eq(personEvaluations.personId, PERSON)))[0]!.result

  test("the register's list starts with today's values (J1 not in force, J11 2026-06-30), readable by the central administrator", async () => {
    const res = await fetch(`${reg.url}/admin/rule-settings`, { headers: { authorization: `Bearer ${await login('nir-admin')}` } })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { settings: unknown[] }).settings).toEqual([
      { key: 'INT.rev2025.inForceFrom', value: null, version: 1, changedBy: null, reason: null },
      { key: 'INT_6A.lastGrantDate', value: '2026-06-30', version: 1, changedBy: null, reason: null },
    ])
    // Before any change the § 34 person granted 2026-07-05 is under the ordinary 2021 rules.
    expect((await stored()).regime.introNorsk.regime).toBe('INTEGRERING_2021')
  })

  test.each([
    ['no token', null, 'INT_6A.lastGrantDate', { value: '2026-12-31', reason: 'x' }, 401, 'TOKEN_REQUIRED', undefined],
    ['a municipal superuser', 'super', 'INT_6A.lastGrantDate', { value: '2026-12-31', reason: 'x' }, 403, 'NOT_PERMITTED', [{ code: 'NOT_CENTRAL_ADMIN' }]],
    ['the municipal administrator', 'admin', 'INT_6A.lastGrantDate', { value: '2026-12-31', reason: 'x' }, 403, 'NOT_PERMITTED', [{ code: 'NOT_CENTRAL_ADMIN' }]],
    ['an unknown key', 'nir-admin', 'INT.other', { value: '2026-12-31', reason: 'x' }, 400, 'RULE_SETTING_REFUSED', [{ code: 'RULE_SETTING_UNKNOWN', field: 'key' }]],
    [
      'a date that does not exist',
      'nir-admin',
      'INT_6A.lastGrantDate',
      { value: '2026-02-30', reason: 'x' },
      400,
      'RULE_SETTING_REFUSED',
      [{ code: 'RULE_SETTING_INVALID_VALUE', field: 'value' }],
    ],
    [
      'a Norwegian-format date',
      'nir-admin',
      'INT.rev2025.inForceFrom',
      { value: '01.09.2025', reason: 'x' },
      400,
      'RULE_SETTING_REFUSED',
      [{ code: 'RULE_SETTING_INVALID_VALUE', field: 'value' }],
    ],
    [
      '"none" where a date is required (J11 has no "not set")',
      'nir-admin',
      'INT_6A.lastGrantDate',
      { value: 'none', reason: 'x' },
      400,
      'RULE_SETTING_REFUSED',
      [{ code: 'RULE_SETTING_INVALID_VALUE', field: 'value' }],
    ],
    [
      'no reason',
      'nir-admin',
      'INT_6A.lastGrantDate',
      { value: '2026-12-31', reason: '  ' },
      400,
      'RULE_SETTING_REFUSED',
      [{ code: 'RULE_SETTING_REASON_REQUIRED', field: 'reason' }],
    ],
    ['an unexpected field', 'nir-admin', 'INT_6A.lastGrantDate', { value: '2026-12-31', reason: 'x', by: 'me' }, 400, 'BAD_REQUEST', undefined],
  ] as const)('%s: refused with its reason, nothing written', async (_n, user, key, body, status, error, reasons) => {
    const before = await state()
    const res = await put(key, body, user ? await login(user) : undefined)
    const json = (await res.json()) as { error: string; reasons?: unknown }
    expect([res.status, json.error]).toEqual([status, error])
    if (reasons) expect(json.reasons).toMatchObject(reasons)
    expect(await state()).toEqual(before)
  })

  test('the central administrator moves INT_6A.lastGrantDate: version and seq bumped, audited old → new, the § 34 person re-evaluated into 6A with the log naming the value and its origin', async () => {
    const token = await login('nir-admin')
    const [{ top }] = await reg.db.select({ top: max(codeLists.seq) }).from(codeLists)
    const res = await put('INT_6A.lastGrantDate', { value: '2026-12-31', reason: 'Forskrift om endring, Lovdata LTI-2026-x' }, token)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, key: 'INT_6A.lastGrantDate', oldValue: '2026-06-30', value: '2026-12-31', changed: true, version: 2 })
    const [row] = await reg.db.select().from(codeLists).where(eq(codeLists.id, 'ruleSetting:INT_6A.lastGrantDate'))
    expect(row).toMatchObject({ version: 2, data: { value: '2026-12-31', changedBy: 'nir-admin', reason: 'Forskrift om endring, Lovdata LTI-2026-x' } })
    // A new seq above every code-list row: every device's next pull carries it.
    expect(row!.seq).toBeGreaterThan(Number(top))
    const audits = await reg.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ruleSetting.set'), eq(auditLog.username, 'nir-admin')))
    expect(audits).toHaveLength(1)
    expect(audits[0]!.details).toMatchObject({
      key: 'INT_6A.lastGrantDate',
      oldValue: '2026-06-30',
      newValue: '2026-12-31',
      reason: 'Forskrift om endring, Lovdata LTI-2026-x',
      version: 2,
    })
    expect(Date.now() - audits[0]!.time.getTime()).toBeLessThan(60_000)
    const e = await stored()
    expect(e.regime.introNorsk.regime).toBe('INT_6A')
    expect(e.regime.introNorsk.explanation.find((s) => s.key === 'int21Settings')?.values).toMatchObject({ last6A: '2026-12-31', last6AOrigin: 'register' })
  })

  test.each([
    ['an unknown key', { code: 'INT.other', data: { value: '2027-01-01' } }, 'code'],
    ['a date that does not exist', { code: 'INT_6A.lastGrantDate', data: { value: '2027-02-29' } }, 'data.value'],
    ['no value', { code: 'INT_6A.lastGrantDate', data: { reason: 'x' } }, 'data.value'],
  ])('an import line with %s is refused (INVALID_RULE_SETTING), nothing written', async (_n, entry, field) => {
    const before = await state()
    const line = { type: 'codeList', id: `ruleSetting:${entry.code}`, list: 'ruleSetting', nameNb: 'x', nameNn: 'x', validFrom: null, validTo: null, sortOrder: 10, ...entry }
    expect(await importNdjson(reg.db, toText([line]), { actor: 'test' })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ line: 1, code: 'INVALID_RULE_SETTING', field })],
    })
    expect(await state()).toEqual(before)
  })

  test('setting the value it already has changes nothing and is not audited', async () => {
    const before = await state()
    const res = await put('INT_6A.lastGrantDate', { value: '2026-12-31', reason: 'again' }, await login('nir-admin'))
    expect(await res.json()).toMatchObject({ ok: true, changed: false, version: 2 })
    expect(await state()).toEqual(before)
  })
})

describe.each(backends())('the admin CLI set-rule-setting ($name)', (backend) => {
  const run = async (env: Record<string, string | undefined>, args: string[]) => spawnCli('src/server/cli.ts', args, env).exited()
  test('refuses a bad value with the reason and exit 1, sets a good one with exit 0 (audited as the OS user), lists it', async () => {
    const options = await backend.options()
    const env = options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: undefined, NIR_DATA_DIR: `${tmp.dir}/cli-${backend.name}` }
    const bad = await run(env, ['set-rule-setting', 'INT.rev2025.inForceFrom', '2025-13-01', '--reason', 'Prop. 81 L'])
    expect(bad.code).toBe(1)
    expect(bad.output).toContain('RULE_SETTING_INVALID_VALUE (value)')
    const noReason = await run(env, ['set-rule-setting', 'INT.rev2025.inForceFrom', '2025-09-01'])
    expect([noReason.code, noReason.output]).toEqual([1, expect.stringContaining('usage: set-rule-setting')])
    const ok = await run({ ...env, USER: 'drift' }, ['set-rule-setting', 'INT.rev2025.inForceFrom', '2025-09-01', '--reason', 'Prop. 81 L', '(2024–2025)'])
    expect(ok.code).toBe(0)
    expect(ok.output).toContain('INT.rev2025.inForceFrom: none → 2025-09-01 (version 2)')
    const list = await run(env, ['rule-settings'])
    expect(list.code).toBe(0)
    expect(list.output).toContain('"changedBy": "cli:drift"')
    expect(list.output).toContain('"reason": "Prop. 81 L (2024–2025)"')
  }, 120_000)
})
