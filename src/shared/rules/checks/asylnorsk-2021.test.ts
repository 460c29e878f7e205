import { describe, expect, test } from 'vitest'
import type { AsylnorskOffer, AsylnorskParticipation } from '../../domain/registrations'
import type { PersonSnapshot } from '../../domain/snapshot'
import { checkCommand } from '../check-command'
import { cmd, context, snapshot } from '../check-command.fixture'
import { evaluatePerson } from '../evaluate'
import { allowedAsylnorskKinds } from './asylnorsk'

/**
 * R12.2.8 / R12.3.1 training in reception (weekly rows `MOTTAK_NORSK`, `MOTTAK_SAMF`) through
 * `checkCommand` with real snapshots. E8: born 2000-01-01, asylum seeker from 2024-03-01 in an
 * ordinary centre → `mottak_plikt`. "Today" is Monday 2024-12-16 (week 51); the week saved is
 * week 50, inside the back-registration window (R8).
 */
const TODAY = '2024-12-16'
const ctx = context(['kommunenorsk'], { today: TODAY, recordedAt: `${TODAY}T10:00:00Z` })
const OFFERS: AsylnorskOffer[] = [
  { id: 'o1', municipality: '0301', year: 2024, kind: 'ASYLNORSK', fromDate: '2024-01-01', toDate: '2024-12-31' },
  { id: 'o2', municipality: '0301', year: 2024, kind: 'NKNV', fromDate: '2024-01-01', toDate: '2024-12-31' },
]

function seeker(rows: AsylnorskParticipation[] = [], opts: { applied?: string; born?: string; offers?: AsylnorskOffer[] } = {}): PersonSnapshot {
  const applied = opts.applied ?? '2024-03-01'
  return snapshot(
    { decisions: [], asylnorsk: rows },
    {
      person: { id: 'p1', birthDate: opts.born ?? '2000-01-01', arrivalDate: applied, followUpMunicipality: '0301', followUpDistrict: null, receptionCentre: 'ordinaert' },
      permits: [{ groundCode: 'ASYLSOKAR', validFrom: applied, validTo: null, grantedDate: applied }],
      settlements: [],
      asylnorskOffers: opts.offers ?? OFFERS,
    },
  )
}

let n = 0
const row = (isoWeek: number, kind: AsylnorskParticipation['kind'], hours: number, isoYear = 2024): AsylnorskParticipation => ({
  id: `r${++n}`,
  personId: 'p1',
  isoYear,
  isoWeek,
  kind,
  hours,
})
const codes = (r: { code: string; field?: string }[]) => r.map((x) => `${x.code}@${x.field}`)
const save = (s: PersonSnapshot, w: AsylnorskParticipation) => checkCommand(cmd('asylnorsk.saveWeeklyParticipation', w), s, ctx)

describe('R12.2.8 which kinds a person may have registered', () => {
  test.each<[string, PersonSnapshot, string, string[]]>([
    ['R12.2.8 an application from 2021, adult, ordinary centre: both reception kinds', seeker(), TODAY, ['MOTTAK_NORSK', 'MOTTAK_SAMF']],
    ['R12.0.4 an application before 2021: the 2003 kinds (R3.5)', seeker([], { applied: '2020-11-01' }), TODAY, ['ASYLNORSK', 'NKNV']],
    ['R12.2.8 (E8) under 18: none until the 18th birthday', seeker([], { born: '2007-05-01' }), '2025-04-30', []],
    ['R12.2.8 (E8) grows in on the 18th birthday', seeker([], { born: '2007-05-01' }), '2025-05-01', ['MOTTAK_NORSK', 'MOTTAK_SAMF']],
  ])('%s', (_name, s, today, kinds) => {
    expect(allowedAsylnorskKinds(evaluatePerson(s, today).categories)).toEqual(kinds)
  })
})

describe('R12.2.8 caps of training in reception (error above, warning from 90 %)', () => {
  // History in earlier weeks: 20 h social studies, 150 h Norwegian.
  const history = [row(10, 'MOTTAK_SAMF', 10), row(11, 'MOTTAK_SAMF', 10), row(12, 'MOTTAK_NORSK', 75), row(13, 'MOTTAK_NORSK', 75)]
  test.each([
    ['R12.2.8 social studies at 22 of 25 h: nothing said', row(50, 'MOTTAK_SAMF', 2), [], []],
    ['R12.2.8 (E8) social studies reaching 22.5 h (90 %) warns', row(50, 'MOTTAK_SAMF', 2.5), [], ['MOTTAK_HOURS_NEAR_CAP@hours']],
    ['R12.2.8 social studies exactly at the 25 h cap warns, not refused', row(50, 'MOTTAK_SAMF', 5), [], ['MOTTAK_HOURS_NEAR_CAP@hours']],
    ['R12.2.8 (E8) social studies above 25 h is refused', row(50, 'MOTTAK_SAMF', 5.25), ['MOTTAK_HOURS_CAP@hours'], []],
    ['R12.2.8 Norwegian at 157.25 of 175 h: nothing said', row(50, 'MOTTAK_NORSK', 7.25), [], []],
    ['R12.2.8 Norwegian reaching 157.5 h (90 %) warns', row(50, 'MOTTAK_NORSK', 7.5), [], ['MOTTAK_HOURS_NEAR_CAP@hours']],
    ['R12.2.8 Norwegian exactly at the 175 h cap warns, not refused', row(50, 'MOTTAK_NORSK', 25), [], ['MOTTAK_HOURS_NEAR_CAP@hours']],
    ['R12.2.8 Norwegian above 175 h is refused', row(50, 'MOTTAK_NORSK', 25.25), ['MOTTAK_HOURS_CAP@hours'], []],
  ] as const)('%s', (_name, w, errors, warnings) => {
    const r = save(seeker(history), w)
    expect(codes(r.errors)).toEqual(errors)
    expect(codes(r.warnings)).toEqual(warnings)
  })

  test('R12.2.8 the cap refusal names the kind, the total and the cap', () => {
    expect(save(seeker(history), row(50, 'MOTTAK_SAMF', 5.25)).errors[0].values).toEqual({ kind: 'MOTTAK_SAMF', max: 25, total: 25.25 })
  })

  test('R12.2.8 re-saving a week replaces its earlier row (it never counts against itself)', () => {
    const week = row(50, 'MOTTAK_SAMF', 5)
    expect(codes(save(seeker([...history, week]), { ...week, hours: 5 }).errors)).toEqual([])
  })
})

describe('R12.2.8 / R7.1 kinds and offers', () => {
  test.each([
    ['R12.2.8 a 2003 kind is refused for a 2021 applicant', seeker(), row(50, 'ASYLNORSK', 2), ['ASYLNORSK_KIND_NOT_ALLOWED@kind']],
    ['R12.0.4 a reception kind is refused for an application before 2021', seeker([], { applied: '2020-11-01' }), row(50, 'MOTTAK_NORSK', 2), ['ASYLNORSK_KIND_NOT_ALLOWED@kind']],
    ['R12.2.8 Norwegian in reception needs the asylnorsk offer', seeker([], { offers: [OFFERS[1]] }), row(50, 'MOTTAK_NORSK', 2), ['ASYLNORSK_NOT_OFFERED@isoWeek']],
    ['R12.2.8 social studies in reception needs the NKNV offer', seeker([], { offers: [OFFERS[0]] }), row(50, 'MOTTAK_SAMF', 2), ['ASYLNORSK_NOT_OFFERED@isoWeek']],
    ['R12.2.8 both offers: each reception kind is accepted', seeker(), row(50, 'MOTTAK_SAMF', 2), []],
  ] as const)('%s', (_name, s, w, expected) => {
    expect(codes(save(s, w).errors)).toEqual(expected)
  })

  test('R12.2.8 the missing-offer refusal names the offer the municipality must register', () => {
    expect(save(seeker([], { offers: [OFFERS[1]] }), row(50, 'MOTTAK_NORSK', 2)).errors[0].values).toEqual({ kind: 'ASYLNORSK', year: 2024, week: 50 })
  })

  test('R7.1 an offer can never be of a reception kind (refused by the shape)', () => {
    const offer = { id: 'o9', municipality: '0301', year: 2024, kind: 'MOTTAK_NORSK', fromDate: '2024-01-01', toDate: '2024-12-31' } as unknown as AsylnorskOffer
    const r = checkCommand(cmd('asylnorsk.registerOffer', offer), null, context(['kommunetilskudd_asylnorsksokar'], { today: TODAY, recordedAt: `${TODAY}T10:00:00Z` }))
    expect(codes(r.errors)).toEqual(['INVALID_INPUT@kind'])
  })
})
