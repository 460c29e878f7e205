import { importNdjson, type RegisterDb } from '../../../src/server'
import { nextSeqs, takeChangeLock } from '../../../src/server/sync/change-lock'
import { decisions, weeklyParticipation } from '../../../src/server/db/schema'

/** The person of a certificate test: imported as base data, granted in 2019 and settled in Bergen by agreement. */
export interface CertificatePerson {
  id: string
  duf: string
  firstName: string
  lastName: string
  birthDate: string
  sex: 'K' | 'M'
}

/** Imports the person with a 2019 residence permit (UTL28) and settlement in 4601, as the base-data feed does. */
export async function importCertificatePerson(db: RegisterDb, p: CertificatePerson): Promise<void> {
  const lines = [
    {
      type: 'person',
      id: p.id,
      duf: p.duf,
      nationalId: null,
      regNumber: null,
      firstName: p.firstName,
      middleName: null,
      lastName: p.lastName,
      birthDate: p.birthDate,
      sex: p.sex,
      closed: false,
      arrivalDate: '2019-01-15',
      followUpMunicipality: '4601',
      followUpDistrict: null,
      followUpByAgreement: true,
      receptionCentre: null,
    },
    {
      type: 'permit',
      id: `${p.id}-permit`,
      personId: p.id,
      groundCode: 'UTL28',
      permitType: 'Opphaldsløyve',
      legalBasis: 'utlendingsloven § 28',
      validFrom: '2019-03-01',
      validTo: null,
      grantedDate: '2019-03-01',
    },
    { type: 'settlement', id: `${p.id}-settlement`, personId: p.id, date: '2019-04-01', municipality: '4601', byAgreement: true, familyReunification: false },
  ]
  const imported = await importNdjson(db, lines.map((l) => JSON.stringify(l)).join('\n'), { actor: 'test' })
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors))
}

/** Writes registrations as a push does: under the change lock, one change set. */
export async function writeRegisterRows(db: RegisterDb, rows: [table: unknown, values: Record<string, unknown>[]][]): Promise<void> {
  await db.transaction(async (tx) => {
    await takeChangeLock(tx)
    for (const [table, values] of rows) {
      const seqs = await nextSeqs(tx, values.length)
      await tx.insert(table as any).values(values.map((v, i) => ({ ...v, version: 1, seq: seqs[i], deleted: false })))
    }
  })
}

/**
 * Norwegian training with right and duty (600 hours) decided 2019-08-20 from 2019-09-02, and
 * `weeks` weeks from 2019 week 36 of 10 Norwegian and 2.5 social-studies hours each.
 */
export async function writeNorskTraining(db: RegisterDb, personId: string, weeks: number): Promise<void> {
  await writeRegisterRows(db, [
    [
      decisions,
      [
        {
          id: `${personId}-d`,
          personId,
          scheme: 'norsk',
          type: 'NORSK_RETT_OG_PLIKT',
          result: 'innvilga',
          decisionDate: '2019-08-20',
          startDate: '2019-09-02',
          endDate: null,
          hours: 600,
          reasonCode: null,
          reasonText: null,
          leaveType: null,
          leaveUnit: null,
        },
      ],
    ],
    [
      weeklyParticipation,
      Array.from({ length: weeks }, (_, i) => ({ id: `${personId}-w${i}`, personId, isoYear: 2019, isoWeek: 36 + i, norskHours: 10, samfunnHours: 2.5, absenceHours: 0 })),
    ],
  ])
}
