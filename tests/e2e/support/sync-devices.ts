import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type APIRequestContext } from '@playwright/test'
import { addDays, dayOfWeek, isoWeek, type IsoDate } from '../../../src/shared/calendar'
import { osloDateOfMs } from '../../../src/shared/rules'
import { dufWithCheck } from './extra-persons'
import { DEMO_PASSWORD } from './fixtures'
import { hostPost } from './host-api'
import { freePort, startTs } from './processes'

/**
 * What the sync-problem specs (A4) need beyond the worker's stack: a second laptop (its own
 * browser-mode host and encrypted replica against the same register), a person who can be
 * granted Norwegian training today, and registrations saved through the device's contract.
 */

export interface SecondDevice {
  baseURL: string
  stop(): Promise<void>
}

/** Another browser-mode host with a fresh device folder, talking to `registerUrl`. */
export async function startSecondDevice(registerUrl: string): Promise<SecondDevice> {
  const dir = mkdtempSync(join(tmpdir(), 'nir-e2e-device2-'))
  const port = await freePort()
  const host = await startTs(
    'src/main/host/cli.ts',
    { NIR_DATA_DIR: dir, NIR_HOST_PORT: String(port), NIR_REGISTER_URL: registerUrl, NIR_PULL_LIMIT: '10' },
    `http://127.0.0.1:${port}/`,
    'e2e-host-device2',
  )
  return {
    baseURL: `http://127.0.0.1:${port}`,
    async stop() {
      await host.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Today in Oslo, as the device and the register judge it. */
export const today = (): IsoDate => osloDateOfMs(Date.now())

function mondayBefore(day: IsoDate, weeksBack: number): IsoDate {
  return addDays(day, -(dayOfWeek(day) - 1) - 7 * weeksBack)
}

export interface NorskPerson {
  id: string
  duf: string
  firstName: string
  lastName: string
  rows: Record<string, unknown>[]
}

/**
 * A labour migrant (ground `ARBEID`, permit from 2020) settled in Bergen: category `plikt`
 * for Norwegian training (R3.1), so a granted decision and weekly rows can be registered.
 */
export function norskPerson(firstName: string, lastName: string, municipality = '4601'): NorskPerson {
  const id = randomUUID()
  const duf = dufWithCheck(`2020${String(Math.floor(Math.random() * 900_000) + 100_000)}`)
  const person = {
    type: 'person',
    id,
    duf,
    nationalId: null,
    regNumber: null,
    firstName,
    middleName: null,
    lastName,
    birthDate: '1990-05-05',
    sex: 'K',
    closed: false,
    arrivalDate: '2020-05-01',
    followUpMunicipality: municipality,
    followUpDistrict: null,
    followUpByAgreement: false,
    receptionCentre: null,
  }
  return {
    id,
    duf,
    firstName,
    lastName,
    rows: [
      person,
      {
        type: 'permit',
        id: randomUUID(),
        personId: id,
        groundCode: 'ARBEID',
        permitType: 'Opphaldsløyve',
        legalBasis: 'utlendingsloven § 23',
        validFrom: '2020-06-01',
        validTo: null,
        grantedDate: '2020-06-01',
      },
      { type: 'settlement', id: randomUUID(), personId: id, date: '2020-08-01', municipality, byAgreement: false, familyReunification: false },
    ],
  }
}

/** The person's own row moved to another municipality (the register's import of a move). */
export function moved(p: NorskPerson, municipality: string): Record<string, unknown>[] {
  return [{ ...p.rows[0], followUpMunicipality: municipality }]
}

/** NDJSON rows through the register's import, as the central administrator sends them. */
export async function importRows(registerUrl: string, rows: Record<string, unknown>[]): Promise<void> {
  const login = await fetch(`${registerUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nir-admin', password: DEMO_PASSWORD }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const res = await fetch(`${registerUrl}/admin/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/x-ndjson' },
    body: rows.map((r) => JSON.stringify(r)).join('\n'),
  })
  expect(res.status, await res.clone().text()).toBe(200)
}

/** A granted duty decision that started eight weeks ago (R4): weeks after it may be registered. */
export function grantedDecision(personId: string) {
  return { id: randomUUID(), personId, scheme: 'norsk', type: 'NORSK_PLIKT', result: 'innvilga', decisionDate: today(), startDate: mondayBefore(today(), 8), hours: 300 }
}

/** A weekly participation row (R6.4) for the ISO week `weeksBack` weeks ago. */
export function weekRow(personId: string, weeksBack: number, norskHours: number) {
  const w = isoWeek(mondayBefore(today(), weeksBack))
  return { id: randomUUID(), personId, isoYear: w.year, isoWeek: w.week, norskHours, samfunnHours: 1.5, absenceHours: 0 }
}

/** A command through the device's contract (the same handler the screens call); it must be accepted. */
export async function saveOnDevice(request: APIRequestContext, command: string, payload: object): Promise<string> {
  const res = await hostPost(request, command, payload)
  const body = (await res.json()) as { ok: boolean; value?: { mutationId: string } }
  expect(body.ok, JSON.stringify(body)).toBe(true)
  return body.value!.mutationId
}
