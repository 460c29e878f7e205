import type { Ending } from '../../domain/registrations'
import { paramValue } from '../parameters'
import { grantedOf } from '../queries'
import { datesValid, type CheckInput } from './context'
import { requireProgramme, type ProgrammeFacts } from './programme'

/**
 * End reasons a caseworker may choose (R10, initial reference data). `IKKJE_REGISTRERT`
 * is a system value and is refused from users.
 */
export const END_REASON_CODES = [
  'ARBEID',
  'UTDANNING',
  'ARBEID_OG_UTDANNING',
  'ANNA_TILTAK_NAV',
  'FLYTTA',
  'AVBROTE_EIGE_ONSKE',
  'PERMANENT_STANS',
  'SJUKDOM',
  'PROGRAMTID_UTE',
  'UTVANDRA',
  'DOD',
  'ANNA',
] as const

/**
 * R5.6 `intro.registerEnding` (also the ending saved with a permanent stop, `prefix` `ending.`):
 * a granted programme exists; end date not before its start (not after today: R8.3);
 * a reason from the list; `ARBEID` needs hours of work per week in (0, 75]; the reason
 * `PERMANENT_STANS` needs a granted permanent stop — saved before, or in the same save
 * (`withPermanentStop`); one ending per programme (re-saving the same id edits it).
 */
export function checkEnding(input: CheckInput, e: Ending, p: ProgrammeFacts, prefix = '', withPermanentStop = false): void {
  const { f, snapshot } = input
  const field = (name: string) => `${prefix}${name}`
  if (!(END_REASON_CODES as readonly string[]).includes(e.reasonCode)) {
    f.error('END_REASON_UNKNOWN', field('reasonCode'), { reason: e.reasonCode })
  }
  if (e.reasonCode === 'ARBEID') {
    const max = paramValue('endingWorkHoursMax', e.endDate)
    if (e.hoursPerWeek === null || e.hoursPerWeek === undefined) f.error('REQUIRED', field('hoursPerWeek'))
    else if (!(e.hoursPerWeek > 0 && e.hoursPerWeek <= max)) f.error('WORK_HOURS_RANGE', field('hoursPerWeek'), { max })
  }
  if (e.reasonCode === 'PERMANENT_STANS' && !withPermanentStop && grantedOf(snapshot, 'INTRO_PERMANENT_STANS').length === 0) {
    f.error('ENDING_NEEDS_PERMANENT_STOP', field('reasonCode'))
  }
  if (!datesValid(f, { [field('endDate')]: e.endDate })) return
  const start = requireProgramme(f, p, field('endDate'))
  if (start !== null && e.endDate < start) f.error('ENDING_BEFORE_START', field('endDate'), { start })
  if (p.ending && p.ending.id !== e.id) f.error('ALREADY_ENDED', field('endDate'), { endDate: p.ending.endDate })
}
