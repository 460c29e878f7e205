import { makeDuf } from '../../shared/ids'
import type { IntroPlan, NorskPlan } from './caseload'
import { writeIntro, writeNorsk } from './caseload'
import { addTestResults } from './extras'
import type { GenContext } from './profiles'
import { refugee } from './profiles'
import { asylumSeeker } from './profiles-other'
import { addDays, addMonths, minDate } from './prng'
import type { PersonRecord } from './records'

/**
 * Issue 9.6: the persons the README lists, one per case a caseworker meets — with fixed DUF
 * numbers and dates relative to `today`, so each shows its case on any day the demo is
 * loaded (the rest of the demo is random and shifts with `today`). `caseload.test.ts` checks
 * every case through the real rules.
 */
export const showcaseCases = [
  'introVgs',
  'introVgo',
  'introAnnaExtended',
  'introStartNear',
  'introCompletionOverdue',
  'norsk18Near',
  'norsk36Overdue',
  'norskMet',
  'sixA',
  'mottak',
  'regNumber',
  'act2003',
] as const
export type ShowcaseCase = (typeof showcaseCases)[number]

/** The DUF of each case: serials above any the generator reaches for the default size, reserved besides. */
export const showcaseDuf: Record<ShowcaseCase, string> = Object.fromEntries(showcaseCases.map((c, i) => [c, makeDuf(c === 'act2003' ? 2015 : 2021, 960_001 + i * 7)])) as Record<
  ShowcaseCase,
  string
>

const months = (today: string, n: number) => addMonths(today, n)

/** A refugee under the 2021 act (UTL28) settled on `settle`, born 1991; no registrations yet. */
function settled(g: GenContext, m: string, settle: string, over: { ground?: string; profile?: 'refugee' | 'ukrainian'; granted?: string } = {}): PersonRecord {
  const granted = over.granted ?? addDays(settle, -60)
  return refugee(g, m, over.profile ?? 'refugee', { settle, granted, arrival: addDays(granted, -30), birthDate: '1991-03-14', ground: over.ground ?? 'UTL28' })
}

const intro = (start: string, o: Partial<IntroPlan> = {}): IntroPlan => ({
  start,
  background: 'GRUNNSKULE',
  goal: 'ARBEID',
  months: 12,
  extension: 0,
  endRegistered: true,
  ...o,
})
const norsk = (start: string, o: Partial<NorskPlan> = {}): NorskPlan => ({
  type: 'NORSK_RETT_OG_PLIKT',
  start,
  background: 'GRUNNSKULE',
  socialDone: true,
  test: null,
  recentWeeks: 3,
  ...o,
})

/** Builds one case (see `showcaseCases`) in municipality `m`. */
function build(g: GenContext, m: string, c: ShowcaseCase): PersonRecord {
  const t = g.today
  switch (c) {
    case 'introVgs': {
      // R12.1.5 band VGS: upper secondary background, 6 months
      const rec = settled(g, m, addDays(t, -120))
      const start = addDays(t, -95)
      writeIntro(g, rec, intro(start, { background: 'VGS_ELLER_HOGARE', months: 6 }))
      writeNorsk(g, rec, norsk(start, { background: 'VGS_ELLER_HOGARE' }))
      return rec
    }
    case 'introVgo': {
      // band VGO: final goal completed upper secondary, 30 months
      const settle = months(t, -13)
      const rec = settled(g, m, settle)
      const start = addDays(settle, 30)
      writeIntro(g, rec, intro(start, { goal: 'FULLFORT_VGO', months: 30 }))
      writeNorsk(g, rec, norsk(start))
      return rec
    }
    case 'introAnnaExtended': {
      // band ANNA, 18 months and a granted extension of 6 (R12.1.6)
      const start = months(t, -20)
      const rec = settled(g, m, addDays(start, -40))
      writeIntro(g, rec, intro(start, { background: 'INGEN_GRUNNSKULE', months: 18, extension: 6 }))
      writeNorsk(g, rec, norsk(start, { background: 'INGEN_GRUNNSKULE' }))
      return rec
    }
    case 'introStartNear':
      // R12.1.4: settled 10 weeks ago, no decision — the start deadline is three weeks ahead
      return settled(g, m, addDays(t, -70))
    case 'introCompletionOverdue': {
      // R12.1.6: the end date passed three weeks ago and no ending is registered
      const start = addDays(months(t, -12), -21)
      const rec = settled(g, m, addDays(start, -30))
      writeIntro(g, rec, intro(start, { endRegistered: false }))
      return rec
    }
    case 'norsk18Near': {
      // R12.2.5: upper secondary background — 18 months, ending in about a month
      const start = months(t, -17)
      const rec = settled(g, m, addDays(start, -30))
      writeIntro(g, rec, intro(start, { background: 'VGS_ELLER_HOGARE', months: 6 }))
      writeNorsk(g, rec, norsk(start, { background: 'VGS_ELLER_HOGARE' }))
      return rec
    }
    case 'norsk36Overdue': {
      // R12.2.5: 36 months passed two months ago; the test missed the norskmål in one part
      const start = months(t, -38)
      const rec = settled(g, m, addDays(start, -30))
      writeIntro(g, rec, intro(start, { months: 24 }))
      writeNorsk(g, rec, norsk(start, { test: { date: months(start, 30), reaches: false }, recentWeeks: 0 }))
      return rec
    }
    case 'norskMet': {
      // R12.2.6: the test reached the norskmål in every part before the deadline
      const start = months(t, -30)
      const rec = settled(g, m, addDays(start, -30))
      writeIntro(g, rec, intro(start, { months: 18 }))
      writeNorsk(g, rec, norsk(start, { test: { date: months(start, 20), reaches: true }, recentWeeks: 0 }))
      return rec
    }
    case 'sixA': {
      // R12.0.3 / R12.2.7: § 34 collective protection inside 6A's window, NORSK_RETT, 12 months
      const granted = minDate(months(t, -8), '2026-05-15')
      const rec = settled(g, m, addDays(granted, 25), { profile: 'ukrainian', ground: 'UTL34', granted })
      writeNorsk(g, rec, norsk(addDays(granted, 55), { type: 'NORSK_RETT', background: null }))
      return rec
    }
    case 'mottak': {
      // R12.0.4 / R12.2.8: an adult asylum seeker in an ordinary reception centre
      for (;;) {
        const rec = asylumSeeker(g, m)
        if (rec.person.receptionCentre === 'ordinaert' && rec.person.birthDate <= addMonths(t, -12 * 19)) return rec
      }
    }
    case 'regNumber': {
      // R2.3: a person with a reg-nummer beside the DUF number, in a running programme
      const rec = settled(g, m, addDays(t, -200))
      rec.person.regNumber = '604213'
      const start = addDays(t, -175)
      writeIntro(g, rec, intro(start))
      writeNorsk(g, rec, norsk(start))
      return rec
    }
    case 'act2003': {
      // R12.0.2: settled in 2016 — the 2003 act, with renewed permits, tests and grants
      const rec = refugee(g, m, 'refugee', { settle: '2016-09-12', granted: '2016-04-20', arrival: '2015-11-03', birthDate: '1984-07-21', ground: 'UTL28' })
      addTestResults(g, rec, '2016-09-12')
      return rec
    }
  }
}

/** The showcase persons of municipality `m`, each with its fixed DUF and never closed. */
export function showcasePersons(g: GenContext, m: string): PersonRecord[] {
  return showcaseCases.map((c) => {
    const rec = build(g, m, c)
    rec.person.duf = showcaseDuf[c]
    rec.person.closed = false
    return rec
  })
}
