import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays } from '../calendar'
import type { PersonSnapshot } from '../domain'
import { evaluatePerson } from './evaluate'
import { decision, ending, PERMIT_GROUNDS, programme, snapshot, week } from './test-fixtures'

/**
 * Invariants of the computed categories over generated persons: permits of every ground
 * (including UTL38_5, which counts only for grants from 2018-06-16), renewals and gaps,
 * settlements before or after the permit, moves, endings and Norwegian decisions, judged on
 * any day of 2014–2026.
 */
const day = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n))
const grounds = Object.keys(PERMIT_GROUNDS)

const permitArb = fc.record({
  groundCode: fc.constantFrom(...grounds),
  validFrom: day('2013-01-01', 365 * 10),
  length: fc.option(fc.integer({ min: 30, max: 365 * 4 }), { nil: null }),
  grantedBefore: fc.integer({ min: 0, max: 120 }),
})

const personArb = fc
  .record({
    birthDate: day('1955-01-01', 365 * 50),
    permits: fc.array(permitArb, { minLength: 1, maxLength: 3 }),
    arrival: fc.option(day('2012-01-01', 365 * 10), { nil: null }),
    settled: fc.option(day('2012-06-01', 365 * 10), { nil: null }),
    byAgreement: fc.boolean(),
    movedAway: fc.boolean(),
    receptionCentre: fc.constantFrom(null, 'ordinaert', 'transitt'),
    programmeStart: fc.option(day('2014-01-01', 365 * 8), { nil: null }),
    endingAt: fc.option(fc.tuple(day('2014-01-01', 365 * 10), fc.constantFrom('ARBEID', 'PERMANENT_STANS', 'AVBROTE_EIGE_ONSKE')), { nil: null }),
    exemptAt: fc.option(day('2013-01-01', 365 * 10), { nil: null }),
    needsBasedAt: fc.option(day('2013-01-01', 365 * 10), { nil: null }),
    hoursWeek: fc.option(fc.tuple(fc.integer({ min: 2014, max: 2024 }), fc.integer({ min: 1, max: 52 })), { nil: null }),
    today: day('2014-01-01', 365 * 13),
  })
  .map((f) => {
    const s = snapshot(
      { birthDate: f.birthDate, arrival: f.arrival, settled: f.settled, byAgreement: f.byAgreement, followUp: f.movedAway ? '4601' : '0301', receptionCentre: f.receptionCentre },
      {
        decisions: [
          ...(f.programmeStart ? [programme(f.programmeStart)] : []),
          ...(f.exemptAt ? [decision('NORSK_FRITAK_NORSK', { decisionDate: f.exemptAt }), decision('NORSK_FRITAK_SAMFUNN', { decisionDate: f.exemptAt })] : []),
          ...(f.needsBasedAt ? [decision('NORSK_BEHOVSPROVD', { startDate: f.needsBasedAt, hours: 100 })] : []),
        ],
        endings: f.endingAt ? [ending(f.endingAt[0], f.endingAt[1])] : [],
        weeklyParticipation: f.hoursWeek ? [week(f.hoursWeek[0], f.hoursWeek[1], 600, 50)] : [],
      },
    )
    s.permits = f.permits.map((p) => ({
      groundCode: p.groundCode,
      validFrom: p.validFrom,
      validTo: p.length === null ? null : addDays(p.validFrom, p.length),
      grantedDate: addDays(p.validFrom, -p.grantedBefore),
    }))
    return { s, today: f.today }
  })

const show = (s: PersonSnapshot, today: string) => JSON.stringify({ today, person: s.person, permits: s.permits, settlements: s.settlements })

describe('R3.6 a category never closes before it starts', () => {
  test('R3.6 for every generated person, every category has validFrom ≤ closedAt when both are set', () => {
    fc.assert(
      fc.property(personArb, ({ s, today }) => {
        for (const c of evaluatePerson(s, today).categories) {
          if (c.validFrom !== null && c.closedAt !== null && c.closedAt < c.validFrom) {
            throw new Error(`${c.scheme}/${c.kind} validFrom ${c.validFrom} > closedAt ${c.closedAt}: ${show(s, today)}`)
          }
        }
      }),
      { numRuns: 3000 },
    )
  })

  // The generator must reach the states the invariant is about, or the property proves nothing.
  test('R3.6 the generator reaches closed categories of every scheme', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(personArb, ({ s, today }) => {
        for (const c of evaluatePerson(s, today).categories) if (c.closedAt !== null) seen.add(c.scheme)
      }),
      { numRuns: 3000, seed: 7 },
    )
    expect([...seen].sort()).toEqual(['asylnorsk', 'intro', 'norsk'])
  })
})
