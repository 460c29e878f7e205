import type { DeleteRef } from '../../domain/command'
import type { Int2021Fact, Int2021Registration } from '../../domain/registrations'
import type { Evaluation } from '../evaluate'
import { ground2021 } from '../int2021/grounds'
import { qualifyingPermit } from '../int2021/select-regime'
import { hasWriteRole, type WriteArea } from '../permissions'
import { datesValid, periodOrdered, type CheckInput } from './context'

/**
 * R12.3.2: the write area of each registration of the 2021 act (the R9 table's "role"
 * column). `educationBackground` is "intro or norsk": it is one fact both schemes read
 * (duration band R12.1.5, Norwegian deadline R12.2.5), registered on Kartlegging, which
 * both kinds of caseworker use. It gets the area `kartlegging`, which either write role
 * passes (`permissions.ts`), so `area` stays a function of the payload alone and the
 * device, the register and the screens judge it the same way.
 */
export function int2021Area(fact: Pick<Int2021Fact, 'kind'>): WriteArea {
  switch (fact.kind) {
    case 'educationBackground':
      return 'kartlegging'
    case 'norskGoal':
    case 'fullTimeUpperSecondary':
      return 'norsk'
    default:
      return 'intro'
  }
}

/** R12.0.5: the regimes whose persons may hold 2021-only registrations. */
const REGIMES_2021 = new Set(['INTEGRERING_2021', 'INT_6A'])

/**
 * R12.3 `int2021.register`, every error in one pass (R0):
 * - the dates exist (`date`; `fact.toDate` of full-time upper secondary);
 * - R12.0.5: the person's intro/norsk regime is the 2021 act or chapter 6A, else
 *   `NOT_IN_REGIME` on `fact.kind` (a person with no qualifying permit has no regime either);
 * - full-time upper secondary: `toDate` ≥ `date` (`PERIOD_REVERSED` on `fact.toDate`);
 * - an edit (same id) keeps the row's kind (`INT2021_KIND_CHANGED`);
 * - J15: the reference-person condition only for a person whose qualifying intro permit's
 *   ground carries it (family of a refugee). An error, not a warning: on any other ground
 *   the rules never read the row (R12.1.2), so saving it would record a fact that changes
 *   nothing while the screen suggests it does.
 * R8.1 (the event date `date`, not in the future, the back-registration window) is judged
 * by `checkCommand` from the command's `eventDates`.
 */
export function checkInt2021Registration({ f, snapshot }: CheckInput, p: Int2021Registration, evaluation: Evaluation): void {
  const fact = p.fact
  const toDate = fact.kind === 'fullTimeUpperSecondary' ? fact.toDate : null
  const valid = datesValid(f, { date: p.date, 'fact.toDate': toDate })
  const regime = evaluation.regime.introNorsk.regime
  if (regime === null || !REGIMES_2021.has(regime)) f.error('NOT_IN_REGIME', 'fact.kind', { kind: fact.kind, regime: regime ?? 'NONE' })
  if (valid && toDate) periodOrdered(f, p.date, toDate, 'fact.toDate')
  // Editing a row keeps its kind: the area (R9) is judged on the new payload, so a changed kind
  // would let an intro caseworker overwrite a norsk row by its id.
  const before = snapshot.registrations.int2021Registrations.find((r) => r.id === p.id)
  if (before && before.fact.kind !== fact.kind) f.error('INT2021_KIND_CHANGED', 'fact.kind', { from: before.fact.kind, to: fact.kind })
  if (fact.kind === 'referencePersonCondition') {
    const permit = qualifyingPermit(snapshot, 'intro')
    if (!permit || !ground2021(undefined, permit.groundCode).referencePersonCondition) {
      f.error('REFERENCE_CONDITION_NOT_APPLICABLE', 'fact.met', { ground: permit?.groundCode ?? '' })
    }
  }
}

/**
 * `int2021.delete`: the row must be one of this person's registrations (`INT2021_NOT_FOUND`
 * on `id`, like the other deletes), and R9: the user needs the write role of the row's own
 * area (the command's area `kartlegging` only let either role through, as the payload holds
 * no kind). Not refused by regime: a row saved before a permit was corrected to one under
 * the 2003 act must still be removable. Returns the row, whose date is the R8.1 event date.
 */
export function checkInt2021Delete({ f, snapshot, ctx }: CheckInput, ref: DeleteRef): Int2021Registration | null {
  const row = snapshot.registrations.int2021Registrations.find((r) => r.id === ref.id) ?? null
  if (!row) {
    f.error('INT2021_NOT_FOUND', 'id', { id: ref.id })
    return null
  }
  const area = int2021Area(row.fact)
  if (!hasWriteRole(ctx.user.roles, area)) f.error('NOT_PERMITTED', 'id', { area })
  return row
}
