import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRegister } from '../../../src/server'
import { auditLog, certificateIssues as registerIssues, mutations } from '../../../src/server/db/schema'
import { certificateIssues, outbox } from '../../../src/main/db/schema'
import type { Device } from '../../../src/main/services'
import { osloDateOfMs } from '../../../src/shared/rules/window'
import { importCertificatePerson, writeNorskTraining } from './certificate-register'
import { call, CuttingProxy, loginAndSync, tempDir, testDevice, value } from '../sync/helpers'

/**
 * Issue 10 point 3 on a device synced from a real register (PGlite) over real HTTP: issuing a
 * certificate (`certificates.render` with `issue: true`) records one `certificateIssue` row
 * through the one write path, the push lands it on the register with its audit entry, the
 * list shows the earlier issues newest first, a preview records nothing, and issuing over
 * registrations that wait to sync records how many (`pendingCount`).
 */

const P = 'cert-issue-norsk'

let register: Awaited<ReturnType<typeof startRegister>>
let proxy: CuttingProxy
let device: Device
const tmp = tempDir('certificates-issue')

const replica = () => device.ctx.session!.replica.db
const issuesOnDevice = () => replica().select().from(certificateIssues).where(eq(certificateIssues.personId, P)).all()
const recordRows = () => replica().select().from(outbox).where(eq(outbox.command, 'certificates.recordIssue')).all()
const sync = async () => {
  device.ctx.session!.sync.run()
  await device.ctx.session!.sync.whenIdle()
}
const render = (lang: 'nb' | 'nn', issue: boolean, issueAnyway?: boolean) =>
  call(device, 'certificates.render', { personId: P, scheme: 'norsk', lang, issue, ...(issueAnyway === undefined ? {} : { issueAnyway }) })

beforeAll(async () => {
  register = await startRegister({ dataDir: ':memory:', port: 0, demo: { persons: 2 } })
  await importCertificatePerson(register.db, { id: P, duf: '201900055555', firstName: 'Åse', lastName: 'Berhe', birthDate: '1991-02-03', sex: 'K' })
  await writeNorskTraining(register.db, P, 4)

  proxy = new CuttingProxy(register.url)
  await proxy.start()
  device = testDevice(tmp.dir, proxy.url)
  await loginAndSync(device, 'norsk')
}, 120_000)

afterAll(async () => {
  await device?.close()
  await proxy?.close()
  await register?.close()
  tmp.remove()
})

describe('certificates.render issue / certificates.list issued (issue 10 point 3)', () => {
  test('a preview (issue: false) records nothing: no certificate_issues row, no outbox row, issued null', async () => {
    const outboxBefore = replica().select().from(outbox).all().length
    const r = value(await render('nb', false))
    expect(r.issued).toBeNull()
    expect(issuesOnDevice()).toEqual([])
    expect(replica().select().from(outbox).all()).toHaveLength(outboxBefore)
    expect(value(await call(device, 'certificates.list', { personId: P }))[0]).toMatchObject({ scheme: 'norsk', issued: [] })
  })

  test('issuing records one certificateIssue row (who, when, language, version, pendingCount 0) and one outbox row; the push lands it on the register with its audit entry', async () => {
    const before = Date.now()
    const r = value(await render('nb', true))
    const user = device.ctx.session!.user
    const today = osloDateOfMs(Date.now())
    expect(r.issued).toMatchObject({
      personId: P,
      scheme: 'norsk',
      lang: 'nb',
      contentVersion: '1',
      issuedOn: today,
      issuedBy: user.username,
      issuerName: user.displayName,
      pendingCount: 0,
    })
    expect(Date.parse(r.issued!.issuedAt)).toBeGreaterThanOrEqual(before)
    expect(issuesOnDevice()).toEqual([{ ...r.issued, serverVersion: null, deleted: false }])
    const [row] = recordRows()
    expect(recordRows()).toHaveLength(1)
    expect(row).toMatchObject({ personId: P, state: 'pending' })
    expect(JSON.parse(row.payload)).toEqual(r.issued)

    await sync()
    expect(recordRows()).toMatchObject([{ id: row.id, state: 'applied' }])
    expect(await register.db.select({ verdict: mutations.verdict }).from(mutations).where(eq(mutations.id, row.id))).toEqual([{ verdict: 'applied' }])
    expect(await register.db.select().from(registerIssues).where(eq(registerIssues.personId, P))).toMatchObject([{ ...r.issued, version: 1, deleted: false }])
    expect(await register.db.select().from(auditLog).where(eq(auditLog.action, 'certificates.recordIssue'))).toMatchObject([{ personId: P, details: { mutationId: row.id } }])
    expect(issuesOnDevice()).toMatchObject([{ id: r.issued!.id, serverVersion: 1 }])
  })

  test('a reissue adds a row; the list shows the earlier issues of the scheme newest first, and none under the programme', async () => {
    const second = value(await render('nn', true)).issued!
    const list = value(await call(device, 'certificates.list', { personId: P }))
    const norsk = list.find((e) => e.scheme === 'norsk')!
    expect(norsk.issued.map((i) => i.lang)).toEqual(['nn', 'nb'])
    expect(norsk.issued[0]).toEqual(second)
    expect(list.find((e) => e.scheme === 'intro')!.issued).toEqual([])
    await sync()
    expect(await register.db.select().from(registerIssues).where(eq(registerIssues.personId, P))).toHaveLength(2)
  })

  test('issue 10.4 with a registration waiting to sync: issuing is refused and records nothing, a preview is not held back, issue-anyway records pendingCount 1 (its own record never counts as pending)', async () => {
    await proxy.close() // the register is out of reach from now on
    const today = osloDateOfMs(Date.now())
    value(
      await call(device, 'norsk.registerLanguageTrack', { id: crypto.randomUUID(), personId: P, date: today, motherTongue: 'tir', language1: 'tir', language2: null, track: '3' }),
    )
    await device.ctx.session!.sync.whenIdle()
    const rowsBefore = issuesOnDevice().length

    for (const anyway of [undefined, false]) {
      expect(await render('nb', true, anyway)).toEqual({
        ok: false,
        reasons: [{ code: 'CERTIFICATE_PENDING_SYNC', field: 'issueAnyway', values: { count: 1, which: 'norsk.registerLanguageTrack' } }],
      })
    }
    expect(issuesOnDevice()).toHaveLength(rowsBefore)
    expect(value(await render('nb', false)).issued).toBeNull()

    const first = value(await render('nb', true, true)).issued!
    expect(first.pendingCount).toBe(1)
    // The unsent record of the first issue is no registration of the scheme: still 1, not 2.
    const again = value(await render('nn', true, true)).issued!
    expect(again.pendingCount).toBe(1)
    const norsk = value(await call(device, 'certificates.list', { personId: P })).find((e) => e.scheme === 'norsk')!
    expect(norsk.pending.map((p) => p.command)).toEqual(['norsk.registerLanguageTrack'])
    expect(norsk.issued.slice(0, 2).map((i) => [i.lang, i.pendingCount])).toEqual([
      ['nn', 1],
      ['nb', 1],
    ])
    expect(issuesOnDevice()).toHaveLength(rowsBefore + 2)
  })
})
