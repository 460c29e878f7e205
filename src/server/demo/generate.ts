import { asylumSeeker, immigrant } from './profiles-other'
import type { GenContext, Profile } from './profiles'
import { familyMember, refugee } from './profiles'
import { Rng } from './prng'
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
  const rng = new Rng(opts.seed)
  const g: GenContext = { rng, ids: new IdIssuer(rng), today: opts.today }
  const lines: string[] = []
  for (const m of opts.municipalities) {
    let made = 0
    while (made < m.count) {
      for (const rec of household(g, m.code, m.count - made)) {
        lines.push(...toLines(rec))
        made++
      }
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : ''
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
