import { ok } from '../../shared/api'
import type { AsylnorskOffers } from '../../shared/api/asylnorsk'
import type { ReplicaDb } from '../db/open'
import { openProblemRows, unsentRows } from '../sync/problems'
import type { AreaHandlers, ServiceContext } from './context'
import { offersOnDevice } from './evaluation'
import { withSession } from './guard'
import { commandHandler } from './registrations'

/** Training for asylum seekers (D7): weekly participation and the municipality's yearly offer. */
export function asylnorskHandlers(ctx: ServiceContext) {
  return {
    // Every role may read the offers: they are the municipality's, not person data (D11).
    'asylnorsk.offers': () =>
      withSession(ctx, (s) => {
        const offers = offersOnDevice(s.replica, s.user.municipality)
        offers.sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind) || a.fromDate.localeCompare(b.fromDate))
        return ok<AsylnorskOffers>({ offers, syncMarks: offerMarks(s.replica.db) })
      }),
    'asylnorsk.saveWeeklyParticipation': commandHandler(ctx, 'asylnorsk.saveWeeklyParticipation'),
    'asylnorsk.registerOffer': commandHandler(ctx, 'asylnorsk.registerOffer'),
  } satisfies AreaHandlers<'asylnorsk'>
}

/**
 * A4 marks of the offers: they belong to no person, so `PersonView.syncMarks` never holds
 * them. Same precedence as there: a refused offer is a problem even with a later edit pending.
 */
function offerMarks(db: ReplicaDb): AsylnorskOffers['syncMarks'] {
  const marks: AsylnorskOffers['syncMarks'] = {}
  const refs = (r: { entityRefs: string }) => (JSON.parse(r.entityRefs) as { entity: string; id: string }[]).map((x) => `${x.entity}:${x.id}`)
  const offerRows = <R extends { command: string }>(rows: R[]) => rows.filter((r) => r.command === 'asylnorsk.registerOffer')
  for (const r of offerRows(unsentRows(db))) for (const key of refs(r)) marks[key] = 'pending'
  for (const r of offerRows(openProblemRows(db))) for (const key of refs(r)) marks[key] = 'problem'
  return marks
}
