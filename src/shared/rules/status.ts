import type { IsoDate } from '../calendar'
import type { PersonSnapshot } from '../domain'
import type { SchemeStatus } from '../domain/scheme'
import type { Category } from './categories'
import { latestEnding } from './categories-intro'
import type { NorskProgress } from './categories-norsk-progress'
import { firstNorskStart, NORSK_BASE_TYPES } from './deadlines-norsk'
import { step, type Step } from './explanation'
import { activePeriod, decisionsOf, earliestStart, grantedOf, latestDecision } from './queries'

export type { SchemeStatus } from '../domain/scheme'

type Judged = { status: SchemeStatus; steps: Step[] }

function judged(status: SchemeStatus, key: string, values: Step['values'] = {}): Judged {
  return { status, steps: [step('R4', key, { status, ...values })] }
}

/** A period in force today; an open end has its own text (`…Open`) so the log never shows "–". */
function inPeriod(status: SchemeStatus, key: string, d: { startDate?: IsoDate | null; endDate?: IsoDate | null }): Judged {
  return d.endDate ? judged(status, key, { from: d.startDate!, to: d.endDate }) : judged(status, `${key}Open`, { from: d.startDate! })
}

/** Granted with a planned start, or granted with no start date set yet. */
function granted(start: IsoDate | null): Judged {
  return start ? judged('vedtak_fatta', 'statusGranted', { start }) : judged('vedtak_fatta', 'statusGrantedNoStart')
}

function withoutDecision(cat: Category | null): Judged {
  return cat && cat.displayState === 'current' ? judged('kategori_berekna', 'statusCategoryOnly', { kind: cat.kind }) : judged('ingen', 'statusNone')
}

/**
 * R4 for the introduction programme: an ending (or a granted permanent stop) → avslutta;
 * latest INTRO_PROGRAM refused → avslag; granted with start after today → vedtak_fatta;
 * started → stansa / permisjon while a granted stop / leave covers today, else deltar.
 */
export function introStatus(s: PersonSnapshot, cat: Category | null, today: IsoDate): Judged {
  const ending = latestEnding(s, today)
  if (ending) return judged('avslutta', 'statusEnded', { endDate: ending.endDate, reasonCode: ending.reasonCode })
  const permanent = grantedOf(s, 'INTRO_PERMANENT_STANS').find((d) => d.decisionDate <= today)
  if (permanent) return judged('avslutta', 'statusPermanentStop', { decisionDate: permanent.decisionDate })
  const latest = latestDecision(decisionsOf(s, 'INTRO_PROGRAM'))
  if (!latest) return withoutDecision(cat)
  if (latest.result === 'avslag') return judged('avslag', 'statusRefused', { decisionDate: latest.decisionDate })
  const first = earliestStart(grantedOf(s, 'INTRO_PROGRAM'))
  if (!first || first.startDate > today) return granted(first?.startDate ?? null)
  const stop = activePeriod(grantedOf(s, 'INTRO_MIDLERTIDIG_STANS'), today)
  if (stop) return inPeriod('stansa', 'statusStopped', stop)
  const leave = activePeriod(grantedOf(s, 'INTRO_PERMISJON'), today)
  if (leave) return inPeriod('permisjon', 'statusLeave', leave)
  return judged('deltar', 'statusParticipating', { start: first.startDate })
}

/**
 * R4 for Norwegian: exempted category → friteken; latest base decision refused → avslag;
 * start after today → vedtak_fatta; hours complete (R6.1) and no needs-based hours left, or
 * every granted base decision ended before today → avslutta; a granted leave covering today
 * → permisjon; else deltar.
 */
export function norskStatus(s: PersonSnapshot, cat: Category | null, progress: NorskProgress | null, today: IsoDate): Judged {
  if (cat?.displayState === 'friteken') return judged('friteken', 'statusExempted')
  const latest = latestDecision(decisionsOf(s, ...NORSK_BASE_TYPES))
  if (!latest) return withoutDecision(cat)
  if (latest.result === 'avslag') return judged('avslag', 'statusRefused', { decisionDate: latest.decisionDate })
  const first = firstNorskStart(s)
  if (!first || first.startDate > today) return granted(first?.startDate ?? null)
  const extra = grantedOf(s, 'NORSK_BEHOVSPROVD').reduce((sum, d) => sum + (d.hours ?? 0), 0)
  if (progress && cat?.hours && progress.norwegianDone && progress.socialStudiesDone) {
    const registered = progress.norwegianHours + progress.socialStudiesHours
    if (registered >= cat.hours.total + extra || extra === 0) {
      return judged('avslutta', 'statusCompleted', { registered, granted: cat.hours.total + extra })
    }
  }
  const base = grantedOf(s, ...NORSK_BASE_TYPES)
  const lastEnd = base.every((d) => d.endDate)
    ? base
        .map((d) => d.endDate!)
        .sort()
        .at(-1)!
    : null
  if (lastEnd && lastEnd < today && extra === 0) return judged('avslutta', 'statusDecisionEnded', { endDate: lastEnd })
  const leave = activePeriod(grantedOf(s, 'NORSK_PERMISJON'), today)
  if (leave) return inPeriod('permisjon', 'statusLeave', leave)
  return judged('deltar', 'statusParticipating', { start: first.startDate })
}

/** Asylnorsk has no decisions: participation rows and the categories' states decide. */
export function asylnorskStatus(s: PersonSnapshot, cats: readonly Category[]): Judged {
  const rows = s.registrations.asylnorsk.length
  if (cats.some((c) => c.displayState === 'current')) {
    return rows > 0 ? judged('deltar', 'statusAsylParticipating', { rows }) : judged('kategori_berekna', 'statusCategoryOnly', { kind: cats[0].kind })
  }
  return rows > 0 ? judged('avslutta', 'statusAsylEnded', { rows }) : judged('ingen', 'statusNone')
}
