import { asylumSeeker, immigrant } from './profiles-other'
import type { GenContext, Profile } from './profiles'
import { familyMember, refugee } from './profiles'
import { Rng } from './prng'
import { showcaseCases, showcaseDuf, showcasePersons } from './showcase'
import type { PersonRecord } from './records'
import { IdIssuer } from './records'

export interface DemoOptions {
  seed: number
  /** Every generated date is on or before this day (`YYYY-MM-DD`). */
  today: string
  /** How many persons each municipality follows up. */
  municipalities: { code: string; count: number }[]
}

/** Share of each kind of person: most are refugees, as in the introduction register. */
const profileWeights: Record<Profile, number> = {
  refugee: 36,
  resettled: 8,
  selfSettled: 6,
  ukrainian: 14,
  asylumSeeker: 12,
  family: 12,
  worker: 8,
  other: 4,
}

/**
 * Synthetic base data as import NDJSON (A8 demo, benchmarks, tests): persons with consistent
 * histories — asylum reception, permits granted and renewed, settlement by agreement or not,
 * family reunification with a settled refugee (same address and surname, FAM_FLYKTNING),
 * address moves (IMDi → DSF, between districts, from other municipalities), citizenship
 * changes, test results and grants. Only synthetic national ids (month + 80) and valid DUF
 * numbers. Deterministic: same options, same text.
 */
export function generateDemoNdjson(opts: DemoOptions): string {
  return generateDemo(opts).ndjson
}

/** A caseworker's registration in the demo: a row of a person-owned synced entity. */
export interface DemoRow {
  entity: 'claim' | 'decision' | 'measure' | 'ending' | 'weeklyParticipation' | 'int2021Registration'
  row: Record<string, unknown>
}

/**
 * The demo municipality (issue 9.6): base data as import NDJSON, and the registrations a
 * caseworker has made (`caseload.ts`) as rows — kept apart because base data is what the
 * import feed carries (a decision's own `type` field could not travel in an NDJSON line,
 * whose `type` names the entity), and because every other user of the NDJSON (benchmarks,
 * tests) wants base data only.
 */
export function generateDemo(opts: DemoOptions): { ndjson: string; registrations: DemoRow[] } {
  const rng = new Rng(opts.seed)
  const g: GenContext = { rng, ids: new IdIssuer(rng), today: opts.today }
  for (const duf of Object.values(showcaseDuf)) g.ids.reserveDuf(duf)
  const lines: string[] = []
  const registrations: DemoRow[] = []
  for (const [i, m] of opts.municipalities.entries()) {
    let made = 0
    // The README's showcase persons (issue 9.6) lead the first municipality when it has room for them.
    if (i === 0 && m.count >= showcaseCases.length) {
      for (const rec of showcasePersons(g, m.code)) {
        lines.push(...toLines(rec))
        registrations.push(...registrationRows(rec))
        made++
      }
    }
    while (made < m.count) {
      for (const rec of household(g, m.code, m.count - made)) {
        lines.push(...toLines(rec))
        registrations.push(...registrationRows(rec))
        made++
      }
    }
  }
  return { ndjson: lines.length ? `${lines.join('\n')}\n` : '', registrations }
}

/** One person, or a settled refugee followed by family members who joined them (at most `room`). */
function household(g: GenContext, m: string, room: number): PersonRecord[] {
  const profile = g.rng.weighted(profileWeights)
  switch (profile) {
    case 'asylumSeeker':
      return [asylumSeeker(g, m)]
    case 'family':
    case 'worker':
    case 'other':
      return [immigrant(g, m, profile)]
    default: {
      const anchor = refugee(g, m, profile)
      const out = [anchor]
      if (profile === 'refugee' && g.rng.chance(0.35)) {
        const roles: ('spouse' | 'child')[] = ['spouse', ...Array.from({ length: g.rng.int(0, 2) }, () => 'child' as const)]
        for (const role of roles) {
          if (out.length >= room) break
          const member = familyMember(g, anchor, role)
          if (member) out.push(member)
        }
      }
      return out
    }
  }
}

function toLines(rec: PersonRecord): string[] {
  const line = (type: string, row: object) => JSON.stringify({ type, ...row })
  return [
    line('person', rec.person),
    ...rec.permits.map((r) => line('permit', r)),
    ...rec.addresses.map((r) => line('address', r)),
    ...rec.citizenships.map((r) => line('citizenship', r)),
    ...rec.settlements.map((r) => line('settlement', r)),
    ...rec.testResults.map((r) => line('testResult', r)),
    ...rec.grants.map((r) => line('grant', r)),
  ]
}

/** The registrations of one person, as rows of their synced entity. */
function registrationRows(rec: PersonRecord): DemoRow[] {
  const rows = <E extends DemoRow['entity']>(entity: E, list: object[]): DemoRow[] => list.map((row) => ({ entity, row: row as Record<string, unknown> }))
  return [
    ...rows('claim', rec.claims),
    ...rows('decision', rec.decisions),
    ...rows('measure', rec.measures),
    ...rows('ending', rec.endings),
    ...rows('weeklyParticipation', rec.weeklyParticipation),
    ...rows('int2021Registration', rec.int2021Registrations),
  ]
}
