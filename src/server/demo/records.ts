import type {
  Address,
  Citizenship,
  Claim,
  Decision,
  Ending,
  Grant,
  Int2021Registration,
  Measure,
  Permit,
  Person,
  Settlement,
  TestResult,
  WeeklyParticipation,
} from '../../shared/domain'
import { makeDuf, makeNationalId } from '../../shared/ids'
import type { Place } from './places'
import type { Rng } from './prng'
import { addDays, addMonths } from './prng'

/** One generated person with all their base data. */
export interface PersonRecord {
  person: Person
  permits: Permit[]
  addresses: Address[]
  citizenships: Citizenship[]
  settlements: Settlement[]
  testResults: TestResult[]
  grants: Grant[]
  /** A caseworker's registrations (issue 9.6: today's caseload), written by `caseload.ts`. */
  claims: Claim[]
  decisions: Decision[]
  measures: Measure[]
  endings: Ending[]
  weeklyParticipation: WeeklyParticipation[]
  int2021Registrations: Int2021Registration[]
}

/** Identifier state shared by one generation run: no DUF or national id is handed out twice. */
export class IdIssuer {
  private dufSerial: number
  private readonly nationalIds = new Set<string>()
  /** DUF numbers fixed in advance (the README's showcase persons): never handed out again. */
  private readonly reservedDufs = new Set<string>()

  constructor(private readonly rng: Rng) {
    this.dufSerial = rng.int(10_000, 400_000)
  }

  reserveDuf(duf: string): void {
    this.reservedDufs.add(duf)
  }

  duf(year: number): string {
    for (;;) {
      this.dufSerial += this.rng.int(1, 37)
      const duf = makeDuf(year, this.dufSerial % 1_000_000)
      if (!this.reservedDufs.has(duf)) return duf
    }
  }

  /**
   * A synthetic national id (month + 80, R2.1) for the birth date, trying individual numbers
   * from a random start until `makeNationalId` gives one not used before.
   */
  nationalId(birthDate: string, dNumber: boolean): string | null {
    const year = Number(birthDate.slice(0, 4))
    const [lo, hi] = year >= 2000 ? [500, 999] : [0, 499]
    const start = this.rng.int(lo, hi)
    for (let k = 0; k <= hi - lo; k++) {
      const individual = lo + ((start - lo + k) % (hi - lo + 1))
      const id = makeNationalId(birthDate, individual, { synthetic: true, dNumber })
      if (id && !this.nationalIds.has(id)) {
        this.nationalIds.add(id)
        return id
      }
    }
    return null
  }
}

/** Builds address history: each new address closes the previous one the day before. */
export function pushAddress(rec: PersonRecord, rng: Rng, source: Address['source'], place: Place, from: string): void {
  const prev = rec.addresses[rec.addresses.length - 1]
  if (prev) prev.validTo = addDays(from, -1)
  const { municipality, district, street, postalCode, postalPlace } = place
  rec.addresses.push({ id: rng.uuid(), personId: rec.person.id, source, street, postalCode, postalPlace, municipality, district, validFrom: from, validTo: null })
}

const legalBasis: Record<string, string> = {
  UTL28: 'utlendingsloven § 28 første ledd a',
  UTL35_3: 'utlendingsloven § 35 tredje ledd',
  UTL38_ASYL: 'utlendingsloven § 38 (etter asylsøknad)',
  UTL38_5: 'utlendingsloven § 38 femte ledd',
  UTL34: 'utlendingsloven § 34',
  FAM_FLYKTNING: 'utlendingsloven § 40 jf. § 28',
  UTL53: 'utlendingsloven § 53',
  UTL38: 'utlendingsloven § 38',
  FAM_NORDISK: 'utlendingsloven § 40',
  FAM_PERMANENT: 'utlendingsloven § 40',
  ARBEID: 'utlendingsloven § 23',
  STUDIE: 'utlendingsloven § 26',
  EOS: 'utlendingsloven § 112',
  ASYLSOKAR: 'utlendingsloven § 28 (søknad under behandling)',
}

/**
 * A permit granted on `granted`, then renewed (history) until one covers `today`: temporary
 * permits of 1–3 years, and after three years a permanent one (validTo null).
 */
export function grantPermits(rec: PersonRecord, rng: Rng, ground: string, granted: string, today: string): void {
  if (ground === 'ASYLSOKAR') {
    rec.permits.push({
      id: rng.uuid(),
      personId: rec.person.id,
      groundCode: ground,
      permitType: 'Asylsøknad under behandling',
      legalBasis: legalBasis[ground],
      validFrom: granted,
      validTo: null,
      grantedDate: granted,
    })
    return
  }
  let from = granted
  let decided = granted
  const first = granted
  for (;;) {
    const permanent = rec.permits.length > 0 && from >= addMonths(first, 36) && ground !== 'STUDIE'
    const to = permanent ? null : addDays(addMonths(from, rng.pick([12, 24, 36])), -1)
    const permitType = permanent ? 'Permanent opphaldsløyve' : 'Midlertidig opphaldsløyve'
    rec.permits.push({
      id: rng.uuid(),
      personId: rec.person.id,
      groundCode: ground,
      permitType,
      legalBasis: legalBasis[ground] ?? 'utlendingsloven',
      validFrom: from,
      validTo: to,
      grantedDate: decided,
    })
    if (to === null || to >= today) return
    decided = addDays(to, -rng.int(14, 60))
    from = addDays(to, 1)
  }
}
