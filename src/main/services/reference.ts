import { and, asc, eq } from 'drizzle-orm'
import { ok } from '../../shared/api'
import type { CodeListEntry, District, Municipality } from '../../shared/domain'
import { toDomain } from '../db/entities'
import * as t from '../db/schema'
import type { AreaHandlers, ServiceContext } from './context'
import { withSession } from './guard'

/** Reference data (R10) from the replica, as synced from the register. */
export function referenceHandlers(ctx: ServiceContext) {
  return {
    'reference.codeList': ({ list }) =>
      withSession(ctx, (s) =>
        ok(
          s.replica.db
            .select()
            .from(t.codeLists)
            .where(and(eq(t.codeLists.list, list), eq(t.codeLists.deleted, false)))
            .orderBy(asc(t.codeLists.sortOrder), asc(t.codeLists.code))
            .all()
            .map((r) => toDomain<CodeListEntry>(r)),
        ),
      ),
    'reference.municipalities': () =>
      withSession(ctx, (s) => {
        const { db } = s.replica
        const municipalities = db.select().from(t.municipalities).where(eq(t.municipalities.deleted, false)).orderBy(asc(t.municipalities.code)).all()
        const districts = db.select().from(t.districts).where(eq(t.districts.deleted, false)).orderBy(asc(t.districts.code)).all()
        return ok({ municipalities: municipalities.map((r) => toDomain<Municipality>(r)), districts: districts.map((r) => toDomain<District>(r)) })
      }),
  } satisfies AreaHandlers<'reference'>
}
