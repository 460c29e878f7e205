import { describe, expect, test } from 'vitest'
import { addDays, isoWeekRange } from '../../calendar'
import { evaluatePerson } from '../evaluate'
import { absence, decision, leave, measure, parentalAbsence, programme, snapshot, week } from '../test-fixtures'
import { evaluate2021 } from './index'
import type { Int2021Input } from './input'

/**
 * Issue 9 point 8: the 2021 rules on a person with three years of registrations (weekly rows,
 * 40 measures, 10 absences, 5 leaves, holidays, tests) stay under 1 ms median, measured beside
 * `evaluatePerson` on the same registrations under the 2003 act in the same run.
 */
function registrations(year: number) {
  const start = `${year}-03-15`
  const weekly = Array.from({ length: 156 }, (_, i) => week(year + Math.floor(i / 52), (i % 52) + 1, 8, 1, 0.5))
  const measures = Array.from({ length: 40 }, (_, i) => measure(addDays(start, i * 18), addDays(start, i * 18 + 60), 5 + (i % 4)))
  const absences = Array.from({ length: 10 }, (_, i) => {
    const from = isoWeekRange(year, 12 + i * 4).monday
    return absence(from, addDays(from, 4), [{ typeCode: 'EIGENMELDING', days: 1 }])
  })
  const leaves = Array.from({ length: 5 }, (_, i) => leave(addDays(`${year}-06-01`, i * 70), addDays(`${year}-06-01`, i * 70 + 20), i % 2 ? 'verkedagar' : 'kalenderdagar'))
  const prog = programme(start)
  const ext = decision('INTRO_UTVIDA_DELTAKING', { decisionDate: `${year + 1}-12-01` })
  const holidays = [0, 1, 2].map((k) => ({ id: `h${k}`, personId: 'p-1', fromDate: `${year + k}-07-01`, toDate: `${year + k}-07-26`, kind: 'ferie' as const }))
  return {
    prog,
    ext,
    regs: {
      decisions: [prog, ext, ...leaves, decision('NORSK_RETT_OG_PLIKT', { startDate: `${year}-03-01` })],
      weeklyParticipation: weekly,
      measures,
      absences,
      holidays,
      parentalLeaveAbsences: [parentalAbsence(`${year + 1}-02-01`, `${year + 1}-02-20`)],
    },
  }
}

function median(run: () => void): number {
  for (let i = 0; i < 200; i++) run()
  const times: number[] = []
  for (let i = 0; i < 300; i++) {
    const t = performance.now()
    run()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

describe('R12 performance (issue 9 point 8)', () => {
  test('evaluate2021 on a 2021 person with three years of registrations runs under 1 ms (median), beside evaluatePerson on a 2003 person', () => {
    const r21 = registrations(2023)
    const s21 = snapshot({ permitFrom: '2023-01-10', settled: '2023-03-01' }, r21.regs)
    const i21: Int2021Input = {
      snapshot: s21,
      registrations: {
        educationBackground: [{ date: '2023-03-10', background: 'GRUNNSKULE' }],
        finalGoal: [{ date: '2023-03-10', goal: 'FULLFORT_VGO' }],
        norskGoal: [{ date: '2023-03-10', goal: { lytting: 'B1', lesing: 'B1', skriftleg: 'B1', munnleg: 'B1' } }],
        decisionMonths: { [r21.prog.id]: { durationMonths: 24 }, [r21.ext.id]: { extensionMonths: 12 } },
        norskTests: [{ date: '2025-05-01', part: 'lytting', level: 'B1' }],
      },
    }
    // the result must be the real one, so a broken rule cannot be fast
    const result = evaluate2021(i21, '2026-06-01')
    expect(result.intro?.programme?.endDate).toBeTruthy()
    expect(result.norsk?.deadlines.length).toBe(3)
    const s03 = snapshot({}, registrations(2018).regs)
    const m21 = median(() => evaluate2021(i21, '2026-06-01'))
    const m03 = median(() => evaluatePerson(s03, '2020-06-01'))
    console.log(`evaluate2021 median ${(m21 * 1000).toFixed(0)} µs; evaluatePerson (2003) median ${(m03 * 1000).toFixed(0)} µs`)
    expect(m21).toBeLessThan(1)
  })
})
