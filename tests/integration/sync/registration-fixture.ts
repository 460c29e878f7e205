import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { addDays, dayOfWeek, isoWeek, type IsoDate } from '../../../src/shared/calendar'
import { importNdjson, type RegisterDb } from '../../../src/server'
import { auditLog, mutations } from '../../../src/server/db/schema'

/**
 * A person who can be granted Norwegian training today (R3.1: a labour migrant, ground
 * `ARBEID` → category `plikt`, permit from 2020 so the 2003 act applies, R0), and the row
 * builders the sync tests save for them. Registrations are dated relative to the real today
 * because the register judges a pushed mutation at its recorded time only near its own clock (A5).
 */
export async function importNorskPerson(db: RegisterDb, personId: string, today: IsoDate, duf: string): Promise<void> {
  const lines = [
    {
      type: 'person',
      id: personId,
      duf,
      nationalId: null,
      regNumber: null,
      firstName: 'Selam',
      middleName: null,
      lastName: 'Haile',
      birthDate: '1990-05-05',
      sex: 'K',
      closed: false,
      arrivalDate: '2020-05-01',
      followUpMunicipality: '4601',
      followUpDistrict: null,
      followUpByAgreement: true,
      receptionCentre: null,
    },
    {
      type: 'permit',
      id: `${personId}-permit`,
      personId,
      groundCode: 'ARBEID',
      permitType: 'Opphaldsløyve',
      legalBasis: 'utlendingsloven § 23',
      validFrom: '2020-06-01',
      validTo: null,
      grantedDate: '2020-06-01',
    },
    { type: 'settlement', id: `${personId}-settlement`, personId, date: '2020-08-01', municipality: '4601', byAgreement: false, familyReunification: false },
  ]
  const res = await importNdjson(db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'test' })
  if (!res.ok) throw new Error(`import failed: ${JSON.stringify(res)}`)
}

/**
 * A person the integration act of 2021 governs (R12.0: qualifying permit granted after
 * 2021-01-01): a refugee (UTL28) by default, settled by agreement. For the device–register
 * parity on today's caseload (issue 9 point 7).
 */
export async function import2021Person(
  db: RegisterDb,
  personId: string,
  duf: string,
  f: { ground: string; granted: IsoDate; birthDate: IsoDate; settled: IsoDate | null },
): Promise<void> {
  const lines: object[] = [
    {
      type: 'person',
      id: personId,
      duf,
      nationalId: null,
      regNumber: null,
      firstName: 'Amina',
      middleName: null,
      lastName: 'Yusuf',
      birthDate: f.birthDate,
      sex: 'K',
      closed: false,
      arrivalDate: addDays(f.granted, -60),
      followUpMunicipality: '4601',
      followUpDistrict: null,
      followUpByAgreement: true,
      receptionCentre: null,
    },
    {
      type: 'permit',
      id: `${personId}-permit`,
      personId,
      groundCode: f.ground,
      permitType: 'Opphaldsløyve',
      legalBasis: 'utlendingsloven',
      validFrom: f.granted,
      validTo: null,
      grantedDate: f.granted,
    },
  ]
  if (f.settled) lines.push({ type: 'settlement', id: `${personId}-settlement`, personId, date: f.settled, municipality: '4601', byAgreement: true, familyReunification: false })
  const res = await importNdjson(db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'test' })
  if (!res.ok) throw new Error(`import failed: ${JSON.stringify(res)}`)
}

/** Monday of the week `weeksBack` weeks before the week of `today`. */
export function mondayBefore(today: IsoDate, weeksBack: number): IsoDate {
  return addDays(today, -(dayOfWeek(today) - 1) - 7 * weeksBack)
}

/** A granted duty decision (300 hours) that started eight weeks ago (R4): weeks after it may be registered. */
export function grantedNorskDecision(personId: string, today: IsoDate) {
  return { id: randomUUID(), personId, scheme: 'norsk', type: 'NORSK_PLIKT', result: 'innvilga', decisionDate: today, startDate: mondayBefore(today, 8), hours: 300 }
}

/** A weekly participation row (R6.4) for the ISO week `weeksBack` weeks ago. */
export function weekRow(personId: string, today: IsoDate, weeksBack: number, hours: Partial<{ norskHours: number; samfunnHours: number; absenceHours: number }> = {}) {
  const w = isoWeek(mondayBefore(today, weeksBack))
  return { id: randomUUID(), personId, isoYear: w.year, isoWeek: w.week, norskHours: 6, samfunnHours: 1.5, absenceHours: 0, ...hours }
}

/** What the register holds for one mutation id: its `mutations` rows and its audit entries. */
export async function registerTrace(db: RegisterDb, mutationId: string): Promise<{ mutations: number; audit: number; verdict: string | null }> {
  const m = await db.select().from(mutations).where(eq(mutations.id, mutationId))
  const a = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(sql`${auditLog.details}->>'mutationId' = ${mutationId}`))
  return { mutations: m.length, audit: a[0].n, verdict: m[0]?.verdict ?? null }
}
