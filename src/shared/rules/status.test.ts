import { describe, expect, test } from 'vitest'
import type { Decision, PersonSnapshot } from '../domain'
import { evaluatePerson } from './evaluate'
import { asylWeek, decision, ending, leave, programme, snapshot, week } from './test-fixtures'

const TODAY = '2019-06-01'
const status = (s: PersonSnapshot, scheme: 'intro' | 'norsk' | 'asylnorsk', today = TODAY) => evaluatePerson(s, today).schemes[scheme].status
const with_ = (decisions: Decision[], more: Partial<PersonSnapshot['registrations']> = {}) => snapshot({}, { decisions, ...more })

describe('R4 status — introduction programme', () => {
  test.each<[string, PersonSnapshot, string]>([
    ['R4 category and no decision: kategori_berekna', snapshot(), 'kategori_berekna'],
    ['R4 no category and no decision: ingen', snapshot({ ground: 'STUDIE' }), 'ingen'],
    ['R4 granted, start after today: vedtak_fatta', with_([programme('2019-06-02')]), 'vedtak_fatta'],
    ['R4 granted and started on today: deltar', with_([programme('2019-06-01')]), 'deltar'],
    ['R4 a granted leave covering today: permisjon', with_([programme('2018-05-01'), leave('2019-05-20', '2019-06-01')]), 'permisjon'],
    ['R4 a leave that ended yesterday: deltar again', with_([programme('2018-05-01'), leave('2019-05-20', '2019-05-31')]), 'deltar'],
    ['R4 a refused leave is no leave', with_([programme('2018-05-01'), { ...leave('2019-05-20', '2019-06-10'), result: 'avslag' }]), 'deltar'],
    ['R4 an active temporary stop: stansa', with_([programme('2018-05-01'), decision('INTRO_MIDLERTIDIG_STANS', { startDate: '2019-05-01', endDate: '2019-07-01' })]), 'stansa'],
    ['R4 an ending on or before today: avslutta', with_([programme('2018-05-01')], { endings: [ending('2019-05-31', 'UTDANNING')] }), 'avslutta'],
    ['R4 latest programme decision refused: avslag', with_([programme('2018-05-01', { result: 'avslag', decisionDate: '2018-04-01' })]), 'avslag'],
  ])('%s', (_name, s, expected) => {
    expect(status(s, 'intro')).toBe(expected)
  })
})

describe('R4 status — Norwegian', () => {
  const granted = (f: Partial<Decision> = {}) => decision('NORSK_RETT_OG_PLIKT', { startDate: '2018-03-01', hours: 600, ...f })
  test.each<[string, PersonSnapshot, string]>([
    ['R4 category and no decision: kategori_berekna', snapshot(), 'kategori_berekna'],
    ['R4 granted, start after today: vedtak_fatta', with_([granted({ startDate: '2019-07-01' })]), 'vedtak_fatta'],
    ['R4 started: deltar', with_([granted()]), 'deltar'],
    ['R4 a granted norsk leave covering today: permisjon', with_([granted(), decision('NORSK_PERMISJON', { startDate: '2019-05-01', endDate: '2019-06-30' })]), 'permisjon'],
    ['R4 refused: avslag', with_([granted({ result: 'avslag' })]), 'avslag'],
    ['R4 both parts exempted: friteken', with_([decision('NORSK_FRITAK_NORSK'), decision('NORSK_FRITAK_SAMFUNN')]), 'friteken'],
    ['R4 hours complete (R6.1): avslutta', with_([granted()], { weeklyParticipation: [week(2018, 20, 550, 50)] }), 'avslutta'],
    [
      'R4 hours complete but needs-based hours left: deltar',
      with_([granted(), decision('NORSK_BEHOVSPROVD', { startDate: '2019-01-01', hours: 100 })], { weeklyParticipation: [week(2018, 20, 550, 50)] }),
      'deltar',
    ],
    ['R4 Norwegian part missing 0.25 hours: deltar', with_([granted()], { weeklyParticipation: [week(2018, 20, 549.75, 50)] }), 'deltar'],
  ])('%s', (_name, s, expected) => {
    expect(status(s, 'norsk')).toBe(expected)
  })
})

describe('R4 status — asylnorsk', () => {
  const asylum = (rows = [] as ReturnType<typeof asylWeek>[]) => snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert' }, { asylnorsk: rows })
  test.each<[string, PersonSnapshot, string]>([
    ['R4 asylnorsk category without participation: kategori_berekna', asylum(), 'kategori_berekna'],
    ['R4 asylnorsk with participation: deltar', asylum([asylWeek(2019, 10, 'ASYLNORSK', 6)]), 'deltar'],
    ['R4 not an asylum seeker: ingen', snapshot(), 'ingen'],
  ])('%s', (_name, s, expected) => {
    expect(status(s, 'asylnorsk')).toBe(expected)
  })
})
