import { isoWeek } from '../../shared/calendar'
import type { Decision, Int2021Fact } from '../../shared/domain'
import type { GenContext } from './profiles'
import { addDays, addMonths, maxDate, minDate } from './prng'
import type { PersonRecord } from './records'

/**
 * Issue 9 point 6: the registrations a caseworker has made on a person under the 2021 act —
 * education background, final goal and decided months of an introduction programme (R12.1.5,
 * R12.3), its measures, extension, leave, stop and ending; the Norwegian decision, norskmål,
 * weekly hours and a test (R12.2). Every date is after the grant and the settlement, inside
 * the programme where it belongs, and on or before `today` — except what a caseworker plans
 * ahead (a decision's start or planned end, a measure running on).
 */

export type Background = 'INGEN_GRUNNSKULE' | 'GRUNNSKULE' | 'VGS_ELLER_HOGARE'
export type FinalGoal = 'ARBEID' | 'HOGARE_UTDANNING' | 'FULLFORT_VGO' | 'DELAR_AV_UTDANNING'

export interface IntroPlan {
  /** First programme day (the granted `INTRO_PROGRAM`'s start). */
  start: string
  background: Background
  goal: FinalGoal
  /** Decided months (`durationMonths`). */
  months: number
  /** Months a granted `INTRO_UTVIDA_DELTAKING` adds; 0 = no extension. */
  extension: number
  /** A passed end date gets its ending registered; false leaves it open (an overdue completion). */
  endRegistered: boolean
  /** A granted leave or temporary stop running today (status `permisjon` / `stansa`). */
  running?: 'INTRO_PERMISJON' | 'INTRO_MIDLERTIDIG_STANS'
}

export interface NorskPlan {
  type: 'NORSK_RETT_OG_PLIKT' | 'NORSK_RETT'
  /** Start of the granted decision: the clock's anchor after 2023-08-01 (R12.2.4, J5), 6A's start (R12.2.7). */
  start: string
  /** Null for chapter 6A (no background, R12.2.7). */
  background: Background | null
  /** Social studies: 75 hours in the first weeks (R12.2.5 part met) or only 30. */
  socialDone: boolean
  /** A Norwegian test taken on `date`, reaching the norskmål in every part or not. */
  test: { date: string; reaches: boolean } | null
  /** Weekly rows of Norwegian just before today (someone still in training). */
  recentWeeks: number
  /** Exempted from both parts (status `friteken`). */
  exempted?: boolean
}

const MEASURE_BY_GOAL: Record<FinalGoal, [string, string][]> = {
  ARBEID: [
    ['ARBEID', 'ARBEIDSPRAKSIS'],
    ['ARBEID', 'ARBEIDSRETTA_KURS'],
    ['ARBEID', 'YRKESPROVING'],
  ],
  FULLFORT_VGO: [
    ['UTDANNING', 'GRUNNSKULE'],
    ['UTDANNING', 'VIDAREGAANDE'],
  ],
  HOGARE_UTDANNING: [
    ['UTDANNING', 'GODKJENNING_UTDANNING'],
    ['UTDANNING', 'KURS_KOMMUNE_STAT'],
  ],
  DELAR_AV_UTDANNING: [
    ['UTDANNING', 'KURS_KOMMUNE_STAT'],
    ['UTDANNING', 'VIDAREGAANDE'],
  ],
}

const LEVELS = ['UNDER_A1', 'A1', 'A2', 'B1', 'B2', 'C1'] as const
type Level = (typeof LEVELS)[number]

/** R12.2.6: the suggested norskmål by background — what a caseworker usually registers. */
export function goalLevels(background: Background | null): { written: Level; oral: Level } {
  if (background === 'INGEN_GRUNNSKULE') return { written: 'A2', oral: 'B1' }
  if (background === 'VGS_ELLER_HOGARE') return { written: 'B1', oral: 'B2' }
  return { written: 'B1', oral: 'B1' }
}

function fact(g: GenContext, rec: PersonRecord, date: string, f: Int2021Fact): void {
  rec.int2021Registrations.push({ id: g.rng.uuid(), personId: rec.person.id, date, recordedAt: `${date}T10:${String(g.rng.int(10, 59))}:00.000Z`, fact: f })
}

function decision(g: GenContext, rec: PersonRecord, d: Omit<Decision, 'id' | 'personId' | 'result'> & { result?: Decision['result'] }): Decision {
  const row: Decision = { id: g.rng.uuid(), personId: rec.person.id, result: 'innvilga', ...d }
  rec.decisions.push(row)
  return row
}

/** The background is registered once, at the competence mapping (Kartlegging), the first time a plan needs it. */
function background(g: GenContext, rec: PersonRecord, date: string, bg: Background): void {
  if (rec.int2021Registrations.some((r) => r.fact.kind === 'educationBackground')) return
  fact(g, rec, date, { kind: 'educationBackground', background: bg })
}

const settledOn = (rec: PersonRecord): string => rec.settlements[0]?.date ?? rec.person.arrivalDate ?? rec.permits[0].grantedDate

/** R12.1 / R12.3: a granted programme with its facts, measures, extension and ending. */
export function writeIntro(g: GenContext, rec: PersonRecord, plan: IntroPlan): void {
  const { rng, today } = g
  const mapped = minDate(plan.start, maxDate(settledOn(rec), addDays(plan.start, -rng.int(10, 40))))
  background(g, rec, mapped, plan.background)
  fact(g, rec, mapped, { kind: 'programmeElement', element: 'KOMPETANSEKARTLEGGING' })
  const baseEnd = addDays(addMonths(plan.start, plan.months), -1)
  decision(g, rec, {
    scheme: 'intro',
    type: 'INTRO_PROGRAM',
    decisionDate: maxDate(mapped, addDays(plan.start, -rng.int(3, 20))),
    startDate: plan.start,
    endDate: baseEnd,
    selfStudy: false,
    durationMonths: plan.months,
  })
  fact(g, rec, plan.start, { kind: 'finalGoal', goal: plan.goal, text: null })
  const within = (d: string) => d <= today && d <= baseEnd
  const contract = addMonths(plan.start, 1)
  if (within(contract) && rng.chance(0.6)) fact(g, rec, contract, { kind: 'integrationContract' })
  const life = addMonths(plan.start, rng.int(1, 3))
  if (within(life) && rng.chance(0.7)) fact(g, rec, life, { kind: 'programmeElement', element: 'LIVSMEISTRING' })
  const career = addMonths(plan.start, rng.int(2, 4))
  if (within(career)) fact(g, rec, career, { kind: 'programmeElement', element: 'KARRIERERETTLEIING' })
  let end = baseEnd
  if (plan.extension > 0) {
    end = addDays(addMonths(plan.start, plan.months + plan.extension), -1)
    decision(g, rec, {
      scheme: 'intro',
      type: 'INTRO_UTVIDA_DELTAKING',
      decisionDate: minDate(today, addDays(baseEnd, -rng.int(14, 40))),
      reasonText: 'Treng meir tid for å nå sluttmålet.',
      extensionMonths: plan.extension,
    })
  }
  // Measures in blocks of 4–9 months, full time (37.5 h): Norwegian plus one towards the final goal, planned at most half a year ahead.
  const planned = minDate(end, addMonths(today, 6))
  for (let from = plan.start; from <= planned;) {
    const to = minDate(planned, addDays(addMonths(from, rng.int(4, 9)), -1))
    const norsk = rng.pick([15, 20, 22.5])
    const [groupCode, measureCode] = rng.pick(MEASURE_BY_GOAL[plan.goal])
    const m = (group: string, code: string, hours: number) =>
      rec.measures.push({ id: rng.uuid(), personId: rec.person.id, groupCode: group, measureCode: code, fromDate: from, toDate: to, hoursPerWeek: hours })
    m('NORSK', 'GRUNNLEGGANDE_NORSK', norsk)
    m(groupCode, measureCode, 37.5 - norsk)
    from = addDays(to, 1)
  }
  if (plan.running && plan.start < addDays(today, -14) && today < end) {
    const from = addDays(today, -rng.int(3, 20))
    const to = minDate(addDays(from, rng.int(30, 80)), addDays(end, -1))
    const leave = plan.running === 'INTRO_PERMISJON'
    decision(g, rec, {
      scheme: 'intro',
      type: plan.running,
      decisionDate: addDays(from, -rng.int(1, 10)),
      startDate: from,
      endDate: maxDate(to, addDays(today, 1)),
      leaveType: leave ? rng.pick(['INTRO_OMSORG', 'INTRO_SJUKDOM', 'INTRO_VELFERD']) : null,
      leaveUnit: leave ? 'kalenderdagar' : null,
      reasonText: leave ? null : 'Manglande oppmøte utan gyldig grunn.',
    })
  }
  if (end < today && plan.endRegistered) {
    const reasonCode = plan.goal === 'ARBEID' ? rng.pick(['ARBEID', 'PROGRAMTID_UTE']) : rng.pick(['UTDANNING', 'ARBEID_OG_UTDANNING', 'PROGRAMTID_UTE'])
    rec.endings.push({ id: rng.uuid(), personId: rec.person.id, endDate: end, reasonCode, hoursPerWeek: reasonCode === 'ARBEID' ? rng.pick([20, 30, 37.5]) : null })
  }
}

/** A refused programme (status `avslag`; R12.1.3 `kan tilbydast` with REFUSED_OR_BROKE_OFF). */
export function writeRefusedIntro(g: GenContext, rec: PersonRecord, on: string): void {
  rec.claims.push({ id: g.rng.uuid(), personId: rec.person.id, scheme: 'intro', date: addDays(on, -g.rng.int(7, 30)), kind: 'INTROPROGRAM' })
  decision(g, rec, { scheme: 'intro', type: 'INTRO_PROGRAM', result: 'avslag', decisionDate: on, reasonText: 'Tilbydd arbeid på heiltid.' })
}

/** A programme decided with a start still ahead (status `vedtak_fatta`). */
export function writeDecidedIntro(g: GenContext, rec: PersonRecord, plan: Pick<IntroPlan, 'start' | 'background' | 'goal' | 'months'>): void {
  const decided = addDays(g.today, -g.rng.int(1, 10))
  background(g, rec, addDays(decided, -g.rng.int(1, 10)), plan.background)
  fact(g, rec, decided, { kind: 'finalGoal', goal: plan.goal, text: null })
  decision(g, rec, {
    scheme: 'intro',
    type: 'INTRO_PROGRAM',
    decisionDate: decided,
    startDate: plan.start,
    endDate: addDays(addMonths(plan.start, plan.months), -1),
    selfStudy: false,
    durationMonths: plan.months,
  })
}

const week = (date: string) => {
  const w = isoWeek(date)
  return `${w.year}-${w.week}`
}

/** R12.2: the Norwegian decision, norskmål, weekly hours, a test, or an exemption. */
export function writeNorsk(g: GenContext, rec: PersonRecord, plan: NorskPlan): void {
  const { rng, today } = g
  const decided = maxDate(settledOn(rec), addDays(plan.start, -rng.int(3, 20)))
  if (plan.background) background(g, rec, decided, plan.background)
  const levels = goalLevels(plan.background)
  // R12.2.6: completion is by test against the norskmål — chapter 6A too (its one deadline, R12.2.7)
  fact(g, rec, decided, { kind: 'norskGoal', goal: { lytting: levels.written, lesing: levels.written, skriftleg: levels.written, munnleg: levels.oral } })
  // A test that reached the goal ends the training (status avslutta by the decision's end).
  const finished = plan.test?.reaches ? plan.test.date : null
  decision(g, rec, { scheme: 'norsk', type: plan.type, decisionDate: decided, startDate: plan.start, endDate: finished })
  if (plan.exempted) {
    for (const type of ['NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN'] as const) {
      decision(g, rec, { scheme: 'norsk', type, decisionDate: minDate(today, addDays(plan.start, rng.int(7, 40))), reasonCode: 'HELSE_TUNGTVEGANDE' })
    }
    return
  }
  const seen = new Set<string>()
  const row = (monday: string, norskHours: number, samfunnHours: number) => {
    const w = isoWeek(monday)
    if (monday > today || seen.has(week(monday))) return
    seen.add(week(monday))
    rec.weeklyParticipation.push({
      id: rng.uuid(),
      personId: rec.person.id,
      isoYear: w.year,
      isoWeek: w.week,
      norskHours,
      samfunnHours,
      absenceHours: rng.chance(0.2) ? rng.int(1, 4) : 0,
    })
  }
  // Social studies first, as an intensive course (R12.2.5 counts 75 hours; J6), with some Norwegian beside it.
  for (let k = 0; k < (plan.socialDone ? 3 : 1); k++) row(addDays(plan.start, 7 * k), 10, 25)
  for (let k = plan.recentWeeks; k >= 1; k--) row(addDays(today, -7 * k), rng.pick([9, 12, 15]), 0)
  if (plan.test) {
    const miss = plan.test.reaches ? null : rng.pick(['NORSK_SKRIFTLEG', 'NORSK_MUNNLEG', 'NORSK_LESE'] as const)
    for (const part of ['NORSK_LYTTE', 'NORSK_LESE', 'NORSK_SKRIFTLEG', 'NORSK_MUNNLEG'] as const) {
      const goal = part === 'NORSK_MUNNLEG' ? levels.oral : levels.written
      const at = LEVELS.indexOf(goal) + (part === miss ? -1 : rng.chance(0.2) ? 1 : 0)
      const level = LEVELS[Math.min(4, Math.max(0, at))] as Exclude<Level, 'C1'>
      rec.testResults.push({ id: rng.uuid(), personId: rec.person.id, part, level, testDate: plan.test.date })
    }
  }
}

const BACKGROUNDS: Record<Background, number> = { INGEN_GRUNNSKULE: 25, GRUNNSKULE: 40, VGS_ELLER_HOGARE: 35 }

/** R12.1.5: a final goal fitting the background, and decided months inside its band. */
function programmeShape(g: GenContext): Pick<IntroPlan, 'background' | 'goal' | 'months'> {
  const { rng } = g
  const background = rng.weighted(BACKGROUNDS)
  if (background === 'VGS_ELLER_HOGARE') return { background, goal: rng.pick(['ARBEID', 'HOGARE_UTDANNING'] as const), months: rng.int(3, 6) }
  const goal = rng.weighted({ ARBEID: 45, FULLFORT_VGO: 35, DELAR_AV_UTDANNING: 20 })
  return { background, goal, months: goal === 'FULLFORT_VGO' ? rng.pick([24, 30, 36]) : rng.pick([12, 18, 24]) }
}

const EXTENSION_MAX: Record<string, number> = { VGS: 6, VGO: 12, ANNA: 12 }

/**
 * What a caseworker has registered by `today` on a person settled on `settled` under the 2021
 * act: an introduction programme when `intro` (a right and duty, R12.1.2) and Norwegian
 * training when `norsk` (`NORSK_RETT` for chapter 6A, R12.2.7). Leaves some without any
 * decision yet — the near and overdue start deadlines a caseworker meets first.
 */
export function writeCaseload(g: GenContext, rec: PersonRecord, o: { settled: string; intro: boolean; norsk: boolean; sixA: boolean }): void {
  const { rng, today } = g
  const since = Math.round((Date.parse(today) - Date.parse(o.settled)) / 86_400_000)
  let introStart: string | null = null
  const shape = programmeShape(g)
  if (o.intro) {
    const stage = rng.weighted(since < 100 ? { none: 45, decided: 20, refused: 0, running: 35 } : { none: 8, decided: 0, refused: 2, running: 90 })
    if (stage === 'decided') {
      writeDecidedIntro(g, rec, { ...shape, start: addDays(today, rng.int(7, 30)) })
    } else if (stage === 'refused') {
      writeRefusedIntro(g, rec, minDate(today, addDays(o.settled, rng.int(30, 80))))
    } else if (stage === 'running') {
      introStart = minDate(addDays(today, -1), addDays(o.settled, rng.int(14, 80)))
      const baseEnd = addDays(addMonths(introStart, shape.months), -1)
      const band = shape.background === 'VGS_ELLER_HOGARE' ? 'VGS' : shape.goal === 'FULLFORT_VGO' ? 'VGO' : 'ANNA'
      const nearEnd = baseEnd >= addMonths(today, -2) && baseEnd <= addMonths(today, 3)
      const extension = nearEnd && rng.chance(0.4) ? rng.int(2, EXTENSION_MAX[band]) : 0
      const running = rng.weighted({ none: 92, INTRO_PERMISJON: 5, INTRO_MIDLERTIDIG_STANS: 3 })
      writeIntro(g, rec, { ...shape, start: introStart, extension, endRegistered: rng.chance(0.85), running: running === 'none' ? undefined : running })
    }
  }
  if (!o.norsk || rng.chance(0.07)) return
  const start = introStart ?? addDays(o.settled, rng.int(20, 80))
  if (start > today) return
  const months = o.sixA ? 12 : shape.background === 'VGS_ELLER_HOGARE' ? 18 : 36
  const deadline = addMonths(start, months)
  const sat = addMonths(start, rng.int(9, months + 2))
  const test = sat <= today && rng.chance(0.7) ? { date: sat, reaches: rng.chance(sat <= deadline ? 0.75 : 0.5) } : null
  writeNorsk(g, rec, {
    type: o.sixA ? 'NORSK_RETT' : 'NORSK_RETT_OG_PLIKT',
    start,
    background: o.sixA ? null : shape.background,
    socialDone: rng.chance(0.85),
    test,
    recentWeeks: test?.reaches || deadline < today ? 0 : 3,
    exempted: !o.sixA && rng.chance(0.02),
  })
}
