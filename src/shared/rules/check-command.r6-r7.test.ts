import { describe, expect, test } from 'vitest'
import type { AsylnorskKind, AsylnorskOfferKind, AsylnorskOffer, AsylnorskParticipation, LanguageTrack, WeeklyParticipation } from '../domain/registrations'
import type { Role } from '../domain/user'
import { checkCommand } from './check-command'
import { asylumSeeker, cmd, context, decision, INTRO_GRANTED, NORSK_GRANTED, snapshot } from './check-command.fixture'

const errors = (r: ReturnType<typeof checkCommand>) => r.errors.map((e) => `${e.code}@${e.field}`)
const week = (isoWeek: number, n: number, s = 0, a = 0, isoYear = 2020, id = `w${isoYear}-${isoWeek}`): WeeklyParticipation => ({
  id,
  personId: 'p1',
  isoYear,
  isoWeek,
  norskHours: n,
  samfunnHours: s,
  absenceHours: a,
})
const save = (w: WeeklyParticipation) => cmd('norsk.saveWeeklyParticipation', w)
/** 2019-W36…W52 at 20 hours + 2020-W1…W10 at 25 hours = 590 of the 600 granted hours. */
const HISTORY = Array.from({ length: 17 }, (_, i) => week(36 + i, 20, 0, 0, 2019)).concat(Array.from({ length: 10 }, (_, i) => week(1 + i, 25, 0, 0, 2020)))
const norskLeave = decision({ type: 'NORSK_PERMISJON', decisionDate: '2020-02-20', startDate: '2020-02-24', endDate: '2020-03-08', leaveType: 'VELFERD' })
const lateStart = decision({ id: 'norsk1', type: 'NORSK_RETT_OG_PLIKT', startDate: '2020-03-04', hours: 600 })
const ETTER = context(['kommunenorsk', 'kommuneetterregistrering'])

describe('R6.4 / R11.10 weekly participation', () => {
  test.each([
    ['a past week inside the granted period is accepted', snapshot(), week(11, 10, 2, 1), []],
    ['the current week may be registered (its Monday is today)', snapshot(), week(12, 10), []],
    ['next week is refused', snapshot(), week(13, 10), ['WEEK_IN_FUTURE@isoWeek']],
    ['hours in steps other than 0.25 are refused', snapshot(), week(11, 10.3), ['HOURS_STEP@norskHours']],
    ['40 hours in a week is the most', snapshot(), week(11, 30, 8, 2), []],
    ['40.25 hours in a week is refused', snapshot(), week(11, 30, 8, 2.25), ['WEEK_HOURS_MAX@norskHours']],
    ['without a granted decision → NO_GRANTED_DECISION', snapshot({ decisions: [INTRO_GRANTED] }), week(11, 10), ['NO_GRANTED_DECISION@isoWeek']],
    ['the week holding the start (Sunday after it) is allowed', snapshot({ decisions: [lateStart] }), week(10, 10), []],
    ['a week ending before the start is refused', snapshot({ decisions: [lateStart] }), week(9, 10), ['WEEK_BEFORE_START@isoWeek']],
    ['a week wholly inside leave takes absence only', snapshot({ decisions: [NORSK_GRANTED, norskLeave] }), week(10, 5), ['WEEK_IN_LEAVE_ABSENCE_ONLY@norskHours']],
    ['absence in a leave week is accepted', snapshot({ decisions: [NORSK_GRANTED, norskLeave] }), week(10, 0, 0, 5), []],
    ['a week only partly inside leave takes hours', snapshot({ decisions: [NORSK_GRANTED, { ...norskLeave, startDate: '2020-02-26' }] }), week(9, 5), []],
    ['a week that does not exist (2019 has 52 weeks) is refused', snapshot(), week(53, 1, 0, 0, 2019), ['INVALID_WEEK@isoWeek']],
  ])('R6.4 %s', (_name, s, w, expected) => {
    expect(errors(checkCommand(save(w), s, context()))).toEqual(expected)
  })

  test('R6.4 ISO week 53 of 2020 ends on Sunday 3 January 2021', () => {
    const ctx = context(['kommunenorsk'], { today: '2021-01-04', recordedAt: '2021-01-04T09:00:00Z' })
    expect(errors(checkCommand(save(week(53, 10, 0, 0, 2020)), snapshot(), ctx))).toEqual([])
    expect(errors(checkCommand(save(week(1, 10, 0, 0, 2021)), snapshot(), ctx))).toEqual([])
    expect(errors(checkCommand(save(week(2, 10, 0, 0, 2021)), snapshot(), ctx))).toEqual(['WEEK_IN_FUTURE@isoWeek'])
  })

  test.each([
    ['up to the granted 600 hours is accepted', week(11, 9, 1), [], []],
    ['beyond the granted 600 hours is an error pointing to a needs-based decision', week(11, 9, 1.25), [], ['HOURS_BEYOND_GRANTED@norskHours']],
    ['absence hours do not count against the granted total', week(11, 9, 1, 20), [], []],
    ['an edited week replaces its earlier row', week(10, 20, 0, 0, 2020, 'other-id'), [], []],
    ['needs-based hours raise the granted total', week(11, 30), [decision({ type: 'NORSK_BEHOVSPROVD', hours: 100, startDate: '2020-03-01', decisionDate: '2020-03-01' })], []],
  ])('R11.10 %s', (_name, w, extra, expected) => {
    const s = snapshot({ decisions: [INTRO_GRANTED, NORSK_GRANTED, ...extra], weeklyParticipation: HISTORY })
    expect(errors(checkCommand(save(w), s, ETTER))).toEqual(expected)
  })

  // A person under the 2021 act (granted and arrived in 2021), 750 hours registered in 2021.
  const HISTORY_2021 = Array.from({ length: 30 }, (_, i) => week(14 + i, 25, 0, 0, 2021))
  const person2021 = snapshot(
    { decisions: [decision({ id: 'norsk21', type: 'NORSK_RETT_OG_PLIKT', decisionDate: '2021-04-01', startDate: '2021-04-05', hours: null })], weeklyParticipation: HISTORY_2021 },
    {
      person: { id: 'p1', birthDate: '1990-05-05', arrivalDate: '2021-01-15', followUpMunicipality: '0301', followUpDistrict: null, receptionCentre: null },
      permits: [{ groundCode: 'UTL28', validFrom: '2021-02-01', validTo: null, grantedDate: '2021-02-01' }],
      settlements: [{ date: '2021-03-01', municipality: '0301', byAgreement: true }],
    },
  )
  const in2022 = context(['kommunenorsk'], { today: '2022-03-16', recordedAt: '2022-03-16T10:00:00Z' })
  test.each([
    ['R12.3.3 under the 2021 act hours beyond any quota are accepted (R6.4 without the quota error)', person2021, week(11, 10, 2, 0, 2022), []],
    ['R12.3.3 the other R6.4 checks still apply under the 2021 act', person2021, week(11, 30, 8, 3, 2022), ['WEEK_HOURS_MAX@norskHours']],
  ])('%s', (_name, s, w, expected) => {
    expect(errors(checkCommand(save(w), s, in2022))).toEqual(expected)
  })

  test.each([
    ['deleting a saved week is accepted', 'w2020-11', []],
    ['deleting an unknown week is refused', 'nope', ['WEEK_NOT_FOUND@id']],
  ])('R6.4 deleteWeek: %s', (_name, id, expected) => {
    const s = snapshot({ weeklyParticipation: [week(11, 10)] })
    expect(errors(checkCommand(cmd('norsk.deleteWeeklyParticipation', { id, personId: 'p1' }), s, context()))).toEqual(expected)
  })
})

describe('R6.5 language and track', () => {
  const track = (id: string, date: string, extra: Partial<LanguageTrack> = {}): LanguageTrack => ({
    id,
    personId: 'p1',
    date,
    motherTongue: 'tir',
    language1: 'tir',
    language2: 'ara',
    track: '2',
    ...extra,
  })
  const earlier = track('t0', '2020-02-01')
  test.each([
    ['the first registration is accepted', [], track('t1', '2020-03-01'), []],
    ['a later registration is accepted', [earlier], track('t1', '2020-03-01'), []],
    ['a registration on the same date as the previous is refused', [earlier], track('t1', '2020-02-01'), ['TRACK_DATE_NOT_AFTER_PREVIOUS@date']],
    ['a registration before the previous is refused', [earlier], track('t1', '2020-01-31'), ['TRACK_DATE_NOT_AFTER_PREVIOUS@date']],
    ['editing the saved row keeps its place', [earlier], track('t0', '2020-02-03', { track: '1' }), []],
    ['a language code must have ISO 639-3 shape', [], track('t1', '2020-03-01', { motherTongue: 'ti' }), ['INVALID_INPUT@motherTongue']],
    ['only tracks 1–4 exist', [], track('t1', '2020-03-01', { track: '5' as '1' }), ['INVALID_INPUT@track']],
  ])('R6.5 %s', (_name, tracks, t, expected) => {
    expect(errors(checkCommand(cmd('norsk.registerLanguageTrack', t), snapshot({ languageTracks: tracks }), context()))).toEqual(expected)
  })

  test.each([
    ['a contact is accepted', cmd('contact.register', { id: 'c1', personId: 'p1', scheme: 'norsk', date: '2020-03-10' }), []],
    ['a Norwegian claim is accepted', cmd('claim.register', { id: 'c2', personId: 'p1', scheme: 'norsk', date: '2020-03-10', kind: 'NORSKOPPLAERING' }), []],
    [
      'a claim kind of the other scheme is refused',
      cmd('claim.register', { id: 'c3', personId: 'p1', scheme: 'intro', date: '2020-03-10', kind: 'UTSETT_OPPSTART' }),
      ['CLAIM_KIND_SCHEME_MISMATCH@kind'],
    ],
  ])('D6 %s', (_name, command, expected) => {
    expect(errors(checkCommand(command, snapshot(), context()))).toEqual(expected)
  })
})

const offer = (kind: AsylnorskOfferKind, fromDate = '2020-01-01', toDate = '2020-12-31', id = `o-${kind}`): AsylnorskOffer => ({
  id,
  municipality: '0301',
  year: 2020,
  kind,
  fromDate,
  toDate,
})

describe('R7.1 municipality offer', () => {
  const OFFER_ROLE: Role[] = ['kommunetilskudd_asylnorsksokar']
  test.each([
    ['an offer inside one calendar year is accepted', OFFER_ROLE, offer('ASYLNORSK'), [], []],
    ['an offer reaching into the next year is refused', OFFER_ROLE, offer('ASYLNORSK', '2020-06-01', '2021-01-31'), [], ['OFFER_OUTSIDE_YEAR@toDate']],
    ['a second offer of the same kind and year is refused', OFFER_ROLE, offer('ASYLNORSK', '2020-02-01', '2020-11-30', 'new'), [offer('ASYLNORSK')], ['OFFER_EXISTS@year']],
    ['an offer of the other kind the same year is accepted', OFFER_ROLE, offer('NKNV'), [offer('ASYLNORSK')], []],
    ['only kommunetilskudd_asylnorsksokar may register it', ['kommunenorsk'] as Role[], offer('ASYLNORSK'), [], ['NOT_PERMITTED@command']],
    ['the superuser may register it', ['kommunenirsuperbrukar'] as Role[], offer('ASYLNORSK'), [], []],
    ['another municipality\u2019s offer is out of scope', OFFER_ROLE, { ...offer('ASYLNORSK'), municipality: '4601' }, [], ['OUT_OF_SCOPE@municipality']],
  ])('R7.1 %s', (_name, roles, o, existing, expected) => {
    const r = checkCommand(cmd('asylnorsk.registerOffer', o), null, context(roles, { asylnorskOffers: existing }))
    expect(errors(r)).toEqual(expected)
  })
})

describe('R7.2 asylnorsk participation', () => {
  const row = (isoWeek: number, kind: AsylnorskKind, hours: number, id = `a-${kind}-${isoWeek}`): AsylnorskParticipation => ({
    id,
    personId: 'p1',
    isoYear: 2020,
    isoWeek,
    kind,
    hours,
  })
  const OFFERS = [offer('ASYLNORSK'), offer('NKNV')]
  const saveRow = (r: AsylnorskParticipation) => cmd('asylnorsk.saveWeeklyParticipation', r)
  test.each([
    ['a week inside the offer is accepted', asylumSeeker({}, OFFERS), row(11, 'ASYLNORSK', 10), []],
    ['hours in steps other than 0.25 are refused', asylumSeeker({}, OFFERS), row(11, 'ASYLNORSK', 10.1), ['HOURS_STEP@hours']],
    ['a kind the municipality does not offer is refused', asylumSeeker({}, [offer('ASYLNORSK')]), row(11, 'NKNV', 2), ['ASYLNORSK_NOT_OFFERED@isoWeek']],
    ['a week before the offered period is refused', asylumSeeker({}, [offer('ASYLNORSK', '2020-03-16')]), row(11, 'ASYLNORSK', 2), ['ASYLNORSK_NOT_OFFERED@isoWeek']],
    ['a week overlapping the start of the offered period is accepted', asylumSeeker({}, [offer('ASYLNORSK', '2020-03-15')]), row(11, 'ASYLNORSK', 2), []],
    ['next week is refused', asylumSeeker({}, OFFERS), row(13, 'ASYLNORSK', 2), ['WEEK_IN_FUTURE@isoWeek']],
  ])('R7.2 %s', (_name, s, r, expected) => {
    expect(errors(checkCommand(saveRow(r), s, context(['kommunenorsk'])))).toEqual(expected)
  })

  test('R7.2 / D7 after a permit is granted only NKNV may be registered', () => {
    const base = asylumSeeker({}, OFFERS)
    const s = { ...base, permits: [...base.permits, { groundCode: 'UTL28', validFrom: '2020-02-01', validTo: null, grantedDate: '2020-02-01' }] }
    expect(errors(checkCommand(saveRow(row(11, 'ASYLNORSK', 2)), s, context(['kommunenorsk'])))).toEqual(['ASYLNORSK_KIND_NOT_ALLOWED@kind'])
    expect(errors(checkCommand(saveRow(row(11, 'NKNV', 2)), s, context(['kommunenorsk'])))).toEqual([])
  })

  const history = [row(2, 'ASYLNORSK', 75), row(3, 'ASYLNORSK', 75), row(4, 'NKNV', 40)]
  test.each([
    ['below 90 % of 175 there is no warning', row(11, 'ASYLNORSK', 7.25), [], []],
    ['at 90 % of 175 (157.5) a warning is given', row(11, 'ASYLNORSK', 7.5), [], ['ASYLNORSK_HOURS_NEAR_CAP']],
    ['exactly 175 is allowed with a warning', row(11, 'ASYLNORSK', 25), [], ['ASYLNORSK_HOURS_NEAR_CAP']],
    ['above 175 is an error', row(11, 'ASYLNORSK', 25.25), ['ASYLNORSK_HOURS_CAP@hours'], []],
    ['an edited week replaces its earlier row', row(3, 'ASYLNORSK', 100, 'edit'), [], ['ASYLNORSK_HOURS_NEAR_CAP']],
    ['NKNV at 45 of 50 warns', row(11, 'NKNV', 5), [], ['ASYLNORSK_HOURS_NEAR_CAP']],
    ['NKNV above 50 is an error', row(11, 'NKNV', 10.25), ['ASYLNORSK_HOURS_CAP@hours'], []],
  ])('R7.2 %s', (_name, r, expected, warnings) => {
    const res = checkCommand(saveRow(r), asylumSeeker({ asylnorsk: history }, OFFERS), context(['kommunenorsk']))
    expect(errors(res)).toEqual(expected)
    expect(res.warnings.map((w) => w.code)).toEqual(warnings)
  })

  test('R7.2 / R9 asylnorsk participation needs kommunenorsk', () => {
    expect(errors(checkCommand(saveRow(row(11, 'ASYLNORSK', 2)), asylumSeeker({}, OFFERS), context(['kommuneintro'])))).toEqual(['NOT_PERMITTED@command'])
  })
})
