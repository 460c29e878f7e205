import { eq } from 'drizzle-orm'
import type { PersonHit } from '../../shared/api'
import { fail, ok } from '../../shared/api'
import * as t from '../db/schema'
import type { ActiveSession, AreaHandlers, ServiceContext } from './context'
import { readsPersonData } from '../../shared/domain'
import { withPersonAccess, withSession } from './guard'
import { mutating } from './mutating'
import { personMarks } from '../sync/problems'
import { byName, findPerson, municipalityNames, personsByIds, toHit } from './person-rows'

/**
 * The user's person list (personliste, D5): pinned persons, kept in the user's replica so
 * it survives logout and login. A pinned person no longer in the replica (moved out of
 * scope) stays pinned but is not listed until they come back.
 */
export function personListHandlers(ctx: ServiceContext) {
  return {
    // R9 (issue 11.3): a pinned list is person data; a user whose roles read none (an administrator,
    // or a caseworker whose roles changed) is refused it like a search, not shown the names.
    'personList.list': () => withSession(ctx, (s) => (readsPersonData(s.user.roles) ? ok(list(s)) : fail('NO_PERSON_ACCESS'))),
    'personList.add': ({ personId }) =>
      withPersonAccess(ctx, 'personId', (s) => {
        if (!findPerson(s.replica, personId)) return fail('PERSON_NOT_FOUND', 'personId')
        const now = ctx.now()
        return mutating({ replica: s.replica, user: s.user, now }, { type: 'personList.add', payload: { personId } }, ({ tx }) => {
          tx.insert(t.personList).values({ personId, addedAt: now.toISOString() }).onConflictDoNothing().run()
          return list(s)
        })
      }),
    'personList.remove': ({ personId }) =>
      withPersonAccess(ctx, 'personId', (s) =>
        mutating({ replica: s.replica, user: s.user, now: ctx.now() }, { type: 'personList.remove', payload: { personId } }, ({ tx }) => {
          tx.delete(t.personList).where(eq(t.personList.personId, personId)).run()
          return list(s)
        }),
      ),
  } satisfies AreaHandlers<'personList'>
}

function list(s: ActiveSession): PersonHit[] {
  const ids = s.replica.db
    .select({ id: t.personList.personId })
    .from(t.personList)
    .all()
    .map((r) => r.id)
  const names = municipalityNames(s.replica)
  const marks = personMarks(s.replica)
  return personsByIds(s.replica, ids)
    .sort(byName)
    .map((p) => toHit(p, names, marks))
}
