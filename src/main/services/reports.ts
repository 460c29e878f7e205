import { and, eq } from 'drizzle-orm'
import { ok, type MunicipalityReportsView, type ReportPersonName } from '../../shared/api'
import type { CodeListEntry } from '../../shared/domain'
import { defaultPeriod, municipalityReports, type ReportPerson } from '../../shared/reports'
import { evaluatePerson, osloDateOfMs, snapshotFromBase } from '../../shared/rules'
import { bundleRows, emptyBundle, personOwnedEntities, type PersonBundle } from '../../shared/sync'
import { ownedTables, toDomain } from '../db/entities'
import type { Replica } from '../db/open'
import * as t from '../db/schema'
import type { AreaHandlers, ServiceContext } from './context'
import { ruleCodeLists } from './evaluation'
import { withPersonAccess } from './guard'
import { municipalityNames } from './person-rows'

/**
 * Bundles of the persons the municipality's reports cover, read in one query per table (a
 * per-person `loadBundle` is 17 queries a person: ~340,000 for 20,000 persons). Covered: live
 * persons followed up in `municipality` (and `district`) that the pull sent — not persons
 * cached by a DUF look-up or kept after a scope exit, which belong to another municipality's
 * figures. Closed persons are in the replica only for users with write access (R9), the same
 * rule the register's report applies.
 */
export function reportBundles(replica: Replica, municipality: string, district: string | null): PersonBundle[] {
  const rows = replica.db
    .select()
    .from(t.persons)
    .where(
      and(
        eq(t.persons.followUpMunicipality, municipality),
        district ? eq(t.persons.followUpDistrict, district) : undefined,
        eq(t.persons.deleted, false),
        eq(t.persons.cachedReadOnly, false),
        eq(t.persons.keptAfterScopeExit, false),
      ),
    )
    .all()
  const bundles = new Map<string, PersonBundle>()
  for (const p of rows) bundles.set(p.id, emptyBundle(toDomain('person', p)))
  for (const entity of personOwnedEntities) {
    const { table, key, deleted } = ownedTables[entity]
    // Whole table in key order, the order `loadBundle` gives each person's rows (A9 parity).
    const all = replica.db.select().from(table).where(eq(deleted, false)).orderBy(key).all() as Record<string, unknown>[]
    for (const r of all) {
      const b = bundles.get(String(r.personId))
      if (b) bundleRows(b, entity).push(toDomain(entity, r))
    }
  }
  return [...bundles.values()]
}

/** Each bundle's snapshot and its evaluation at `today` (the same rules `persons.get` runs). */
export function reportPersons(bundles: readonly PersonBundle[], codeLists: CodeListEntry[], today: string): ReportPerson[] {
  return bundles.map((b) => {
    const snapshot = snapshotFromBase(b, codeLists)
    return { snapshot, evaluation: evaluatePerson(snapshot, today) }
  })
}

/** Names of the persons the rows name, for the click-through list. */
function namesOf(bundles: readonly PersonBundle[], ids: Set<string>): Record<string, ReportPersonName> {
  const out: Record<string, ReportPersonName> = {}
  for (const b of bundles) if (ids.has(b.person.id)) out[b.person.id] = { duf: b.person.duf, firstName: b.person.firstName, lastName: b.person.lastName }
  return out
}

/**
 * Reports (D11) on the device: every person in the user's municipality (or district) is
 * evaluated from the replica as of today in Norway, so the figures need no network and are
 * never older than the last pull. A user bound to one district sees that district only.
 */
export function reportsHandlers(ctx: ServiceContext) {
  return {
    'reports.municipality': (input) =>
      withPersonAccess(ctx, 'district', (s) => {
        const today = osloDateOfMs(ctx.now().getTime())
        const district = s.user.district ?? input.district ?? null
        const period = { ...defaultPeriod(today), ...(input.fromDate ? { fromDate: input.fromDate } : {}), ...(input.toDate ? { toDate: input.toDate } : {}) }
        const bundles = reportBundles(s.replica, s.user.municipality, district)
        const reports = municipalityReports(reportPersons(bundles, ruleCodeLists(s.replica), today), today, period)
        const ids = new Set<string>()
        for (const rows of [reports.statuses, reports.deadlinesDue, reports.absence, reports.endings]) for (const r of rows) r.personIds.forEach((id) => ids.add(id))
        for (const r of [...reports.overdueStarts, ...reports.belowNorm]) ids.add(r.personId)
        const view: MunicipalityReportsView = {
          ...reports,
          municipality: s.user.municipality,
          municipalityName: municipalityNames(s.replica).get(s.user.municipality) ?? s.user.municipality,
          district,
          people: namesOf(bundles, ids),
        }
        return ok(view)
      }),
  } satisfies AreaHandlers<'reports'>
}
