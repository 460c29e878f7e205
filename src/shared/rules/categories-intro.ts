import { addDays, addYears, type IsoDate } from '../calendar'
import type { PermitGroundAttributes, PersonSnapshot, SnapshotPermit } from '../domain'
import { category, found, later, none, permitWhyNot, type Category, type CategoryKind, type CategoryReason, type DisplayState, type Judgement } from './categories'
import { step, type Step } from './explanation'
import { paramValue } from './parameters'
import { ageAt, birthday, dayAfterAgeLimit, decisionsOf, groundOf, latestPermitWhere, latestSettlement, permitLapse, permitSpell } from './queries'

const qualifies = (g: PermitGroundAttributes): boolean => g.introGroup === 'rett_og_plikt'

type State = { displayState: DisplayState; closedAt: IsoDate | null; reason: CategoryReason | null }

/** End reasons that do not complete the programme (R3.6 "other than stop or broke-off"). */
const NOT_COMPLETED = new Set(['PERMANENT_STANS', 'AVBROTE_EIGE_ONSKE'])

/**
 * R3.2 / R3.3: the introduction-programme category at `today`, or why there is none (no
 * qualifying permit; under 18 — they grow into it on turning 18, a Decision; or not settled
 * while the ground needs an agreement).
 * Edge cases: a renewal — qualifying permits without a day between them — is one spell, so
 * the category keeps the first permit's start (`permitSpell`); without a settlement, a
 * ground that needs no agreement counts newly-arrived from arrival (else the spell's first
 * grant date); "age over 55" is judged at the category's start — passing 55 later without a
 * decision closes `rett og plikt` instead (R3.6); a claim made inside the newly-arrived
 * window keeps the category after the window, like a decision does (R5.1 gives such a
 * claim a right).
 */
export function introJudgement(s: PersonSnapshot, today: IsoDate): Judgement<Category> {
  const q = latestPermitWhere(s, qualifies)
  if (!q) return none(...permitWhyNot(s, qualifies, 'introGroundNoRight'))
  const ground = groundOf(s, q.groundCode)!
  const needsAgreement = ground.needsSettlementAgreement === true
  const settlement = latestSettlement(s)
  if (!settlement && needsAgreement) return none(step('R3.2', 'introNotSettled', { ground: q.groundCode }))
  const min = paramValue('introAgeMin', today)
  const adult = birthday(s.person.birthDate, min)
  if (adult > today) {
    const age = ageAt(s.person.birthDate, today)
    return none(step('R3.2', 'introUnderAge', { birthDate: s.person.birthDate, today, age, min, max: paramValue('introAgeMax', today), from: adult }))
  }

  const first = permitSpell(s, q, qualifies)[0]
  const base = settlement?.date ?? s.person.arrivalDate ?? first.grantedDate
  const validFrom = later(later(first.validFrom, base), adult)
  const ageMax = paramValue('introAgeMax', validFrom)
  const ageAtStart = ageAt(s.person.birthDate, validFrom)
  const programmes = decisionsOf(s, 'INTRO_PROGRAM')
  const refused = programmes.some((d) => d.result === 'avslag')
  const brokeOff = s.registrations.endings.some((e) => e.reasonCode === 'AVBROTE_EIGE_ONSKE' && e.endDate <= today)
  const selfSettled = settlement !== null && !settlement.byAgreement && needsAgreement

  const steps: Step[] = [
    ...permitSteps(q, first),
    settlement
      ? step('R3.2', 'introSettlement', { date: settlement.date, municipality: settlement.municipality, byAgreement: settlement.byAgreement, needsAgreement })
      : step('R3.2', 'introNoSettlement', { base, needsAgreement }),
    step('R3.2', 'introAge', { birthDate: s.person.birthDate, at: validFrom, age: ageAtStart, min: paramValue('introAgeMin', validFrom), max: ageMax }),
  ]
  let kind: CategoryKind = 'rett_og_plikt'
  if (ageAtStart > ageMax) kind = kanTilbydast(steps, 'introOverAge', { age: ageAtStart, max: ageMax })
  if (selfSettled) kind = kanTilbydast(steps, 'introSelfSettled', { ground: q.groundCode })
  if (refused) kind = kanTilbydast(steps, 'introRefused', {})
  if (brokeOff) kind = kanTilbydast(steps, 'introBrokeOff', {})
  if (kind === 'rett_og_plikt') steps.push(step('R3.2', 'introRettOgPlikt', {}))

  const state = introState(s, today, { q, base, kind, hasDecision: programmes.length > 0, grantedProgramme: programmes.some((d) => d.result === 'innvilga') }, steps)
  return found(category('intro', kind, validFrom, steps, state))
}

/** R3.2 / R3.6 category for callers that need no empty-state text. */
export function introCategory(s: PersonSnapshot, today: IsoDate): Category | null {
  return introJudgement(s, today).category
}

/**
 * The spell of qualifying permits from its first start to the latest permit's end — an open
 * end has its own text so the log never shows an empty range end — and, for a renewal, the
 * latest permit that continued it.
 */
function permitSteps(q: SnapshotPermit, first: SnapshotPermit): Step[] {
  const steps = [
    q.validTo === null
      ? step('R3.2', 'introPermitOpen', { ground: q.groundCode, validFrom: first.validFrom })
      : step('R3.2', 'introPermit', { ground: q.groundCode, validFrom: first.validFrom, validTo: q.validTo }),
  ]
  if (first !== q) steps.push(step('R3.2', 'introPermitRenewed', { firstFrom: first.validFrom, latestFrom: q.validFrom, granted: q.grantedDate }))
  return steps
}

function kanTilbydast(steps: Step[], key: string, values: Step['values']): CategoryKind {
  steps.push(step('R3.3', key, values))
  return 'kan_tilbydast'
}

interface IntroFacts {
  q: PersonSnapshot['permits'][number]
  base: IsoDate
  kind: CategoryKind
  hasDecision: boolean
  grantedProgramme: boolean
}

/** R3.6 for the introduction programme, first matching reason wins. */
function introState(s: PersonSnapshot, today: IsoDate, f: IntroFacts, steps: Step[]): State {
  const ending = latestEnding(s, today)
  if (ending && ending.reasonCode !== 'AVBROTE_EIGE_ONSKE') {
    const done = !NOT_COMPLETED.has(ending.reasonCode)
    steps.push(step('R3.6', done ? 'introEnded' : 'introPermanentStop', { endDate: ending.endDate, reasonCode: ending.reasonCode }))
    return done
      ? { displayState: 'gjennomfort', closedAt: ending.endDate, reason: 'programme_ended' }
      : { displayState: 'ikkje_gjeldande', closedAt: ending.endDate, reason: 'permanent_stop' }
  }
  const lapse = permitLapse(s, f.q, qualifies, today)
  if (!lapse.holds) {
    steps.push(step('R3.6', lapse.reason === 'permit_ended' ? 'permitEnded' : 'permitChanged', { closedAt: lapse.closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt: lapse.closedAt, reason: lapse.reason }
  }
  const moved = movedOut(s)
  if (moved && !f.grantedProgramme) {
    steps.push(step('R3.6', 'introMoved', { from: moved.from, to: moved.to, closedAt: moved.closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt: moved.closedAt, reason: 'moved' }
  }
  const ageMax = paramValue('introAgeMax', today)
  if (f.kind === 'rett_og_plikt' && !f.hasDecision && ageAt(s.person.birthDate, today) > ageMax) {
    const closedAt = dayAfterAgeLimit(s.person.birthDate, ageMax)
    steps.push(step('R3.6', 'ageLimitPassed', { max: ageMax, closedAt }))
    return { displayState: 'ikkje_gjeldande', closedAt, reason: 'age_limit_passed' }
  }
  const years = paramValue('introNewlyArrivedYears', f.base)
  const windowEnd = addYears(f.base, years)
  // a claim made inside the window keeps the right it gave (R5.1) after the window closes
  const claimInTime = s.registrations.claims.some((c) => c.scheme === 'intro' && c.date <= windowEnd)
  steps.push(step('R3.2', 'introNewlyArrived', { base: f.base, years, windowEnd, today, hasDecision: f.hasDecision, claimInTime }))
  if (today > windowEnd && !f.hasDecision && !claimInTime) {
    const closedAt = addDays(windowEnd, 1)
    return { displayState: 'ikkje_gjeldande', closedAt, reason: 'newly_arrived_window_passed' }
  }
  return { displayState: 'current', closedAt: null, reason: null }
}

/** The ending in force at `today` (latest end date on or before today). */
export function latestEnding(s: PersonSnapshot, today: IsoDate): PersonSnapshot['registrations']['endings'][number] | null {
  let hit: PersonSnapshot['registrations']['endings'][number] | null = null
  for (const e of s.registrations.endings) if (e.endDate <= today && (!hit || e.endDate >= hit.endDate)) hit = e
  return hit
}

/**
 * The person is followed up by another municipality than the one they were settled in.
 * `closedAt` is the start of the first address elsewhere after settlement, when addresses
 * are given.
 */
function movedOut(s: PersonSnapshot): { from: string; to: string; closedAt: IsoDate | null } | null {
  const settlement = latestSettlement(s)
  if (!settlement || settlement.municipality === s.person.followUpMunicipality) return null
  let closedAt: IsoDate | null = null
  for (const a of s.addresses ?? []) {
    if (a.municipality !== settlement.municipality && a.validFrom >= settlement.date && (!closedAt || a.validFrom < closedAt)) {
      closedAt = a.validFrom
    }
  }
  return { from: settlement.municipality, to: s.person.followUpMunicipality, closedAt }
}
