import { describe, expect, test } from 'vitest'
import { addDays, isoWeekRange } from '../calendar'
import { evaluatePerson } from './evaluate'
import { absence, decision, leave, measure, parentalAbsence, programme, snapshot, week } from './test-fixtures'

/** 3 years of weekly rows, 40 measures, 10 absences, 5 leaves (the brief's reference person). */
function heavyPerson() {
  const weekly = []
  for (let i = 0; i < 156; i++) weekly.push(week(2018 + Math.floor(i / 52), (i % 52) + 1, 8, 1, 0.5))
  const measures = Array.from({ length: 40 }, (_, i) => measure(addDays('2018-03-15', i * 18), addDays('2018-03-15', i * 18 + 60), 5 + (i % 4)))
  const absences = Array.from({ length: 10 }, (_, i) => {
    const from = isoWeekRange(2018, 12 + i * 4).monday
    return absence(from, addDays(from, 4), [
      { typeCode: 'EIGENMELDING', days: 1 },
      { typeCode: 'LEGEERKLARING', hours: 6 },
    ])
  })
  const leaves = Array.from({ length: 5 }, (_, i) => leave(addDays('2018-06-01', i * 70), addDays('2018-06-01', i * 70 + 20), i % 2 ? 'verkedagar' : 'kalenderdagar'))
  return snapshot(
    {},
    {
      decisions: [programme('2018-03-15'), decision('INTRO_UTVIDA_DELTAKING'), ...leaves, decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01' })],
      weeklyParticipation: weekly,
      measures,
      absences,
      parentalLeaveAbsences: [parentalAbsence('2019-02-01', '2019-02-20')],
    },
  )
}

describe('R0 performance', () => {
  test('R0 evaluatePerson on a heavy person runs well under 1 ms (median)', () => {
    const s = heavyPerson()
    for (let i = 0; i < 200; i++) evaluatePerson(s, '2020-06-01')
    const times: number[] = []
    for (let i = 0; i < 300; i++) {
      const t = performance.now()
      evaluatePerson(s, '2020-06-01')
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)]
    console.log(`evaluatePerson median ${(median * 1000).toFixed(0)} µs`)
    expect(median).toBeLessThan(1)
  })
})
