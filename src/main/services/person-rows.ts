import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { PersonHit } from '../../shared/api'
import type { PersonBundle } from '../../shared/sync'
import { bundleRows, emptyBundle, personOwnedEntities } from '../../shared/sync'
import { ownedTables, toDomain } from '../db/entities'
import { indexPersonName } from '../db/name-index'
import type { Replica } from '../db/open'
import { preparedOnce } from '../db/prepared'
import * as t from '../db/schema'
import type { PersonRow } from '../db/schema'

/** Reads of persons shared by the person services. */

export function municipalityNames(replica: Replica): Map<string, string> {
  // Every search reads it: prepared once per replica (issue 12.5, search p95).
  const query = preparedOnce(replica, 'persons.municipalityNames', (db) => db.select({ code: t.municipalities.code, name: t.municipalities.name }).from(t.municipalities).prepare())
  return new Map(query.all().map((r) => [r.code, r.name]))
}

/** `marks`: the persons' sync marks (`personMarks`), absent = in sync. */
export function toHit(p: PersonRow, names: Map<string, string>, marks?: Map<string, 'pending' | 'problem'>): PersonHit {
  return {
    id: p.id,
    duf: p.duf,
    dufCheckFailed: p.dufCheckFailed,
    nationalId: p.nationalId,
    regNumber: p.regNumber,
    firstName: p.firstName,
    middleName: p.middleName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    followUpMunicipality: p.followUpMunicipality,
    municipalityName: names.get(p.followUpMunicipality) ?? p.followUpMunicipality,
    cachedReadOnly: p.cachedReadOnly,
    syncMark: marks?.get(p.id) ?? null,
  }
}

/** Sort order of every person list: surname, first name, birth date. */
/** Norwegian order (æ, ø, å last). One collator: `localeCompare(x, 'nb')` builds one per call. */
const nb = new Intl.Collator('nb')

export function byName(a: Pick<PersonRow, 'lastName' | 'firstName' | 'birthDate'>, b: Pick<PersonRow, 'lastName' | 'firstName' | 'birthDate'>): number {
  return nb.compare(a.lastName, b.lastName) || nb.compare(a.firstName, b.firstName) || a.birthDate.localeCompare(b.birthDate)
}

export function findPerson(replica: Replica, id: string): PersonRow | undefined {
  return preparedOnce(replica, 'person.live', (db) =>
    db
      .select()
      .from(t.persons)
      .where(and(eq(t.persons.id, sql.placeholder('id')), eq(t.persons.deleted, false)))
      .prepare(),
  ).get({ id })
}

/**
 * R2.4 / D5: live, in-scope persons of the user's municipality that match `where` (an
 * equality on an indexed identifier), as a query to run. The unary `+` keeps the planner off
 * `persons_municipality_idx` (issue 12.4f): without statistics it chose that index for an
 * equality on both columns and read every person of the municipality, so a national-id or
 * birth-date search grew with the replica; the identifier's own index reads a handful of rows.
 */
export function personsInMunicipality(replica: Replica, where: SQL, municipality: string) {
  return replica.db
    .select()
    .from(t.persons)
    .where(and(where, sql`+${t.persons.followUpMunicipality} = ${municipality}`, eq(t.persons.deleted, false), eq(t.persons.cachedReadOnly, false)))
}

/**
 * `personsInMunicipality` for one exact column, prepared once per replica: an id search is a
 * single index look-up, so building and preparing the query on every call was most of its
 * cost (issue 12.5: national-id search under 1 ms). Same SQL, same plan (search-plan.test.ts).
 */
export function personsInMunicipalityBy(replica: Replica, column: 'nationalId' | 'regNumber' | 'birthDate', value: string, municipality: string): PersonRow[] {
  const query = preparedOnce(replica, `persons.inMunicipalityBy.${column}`, (db) =>
    db
      .select()
      .from(t.persons)
      .where(
        and(
          eq(t.persons[column], sql.placeholder('value')),
          sql`+${t.persons.followUpMunicipality} = ${sql.placeholder('municipality')}`,
          eq(t.persons.deleted, false),
          eq(t.persons.cachedReadOnly, false),
        ),
      )
      .prepare(),
  )
  return query.all({ value, municipality })
}

export function personsByIds(replica: Replica, ids: string[]): PersonRow[] {
  if (ids.length === 0) return []
  // One statement prepared once per replica, the ids bound as one JSON array: a name search
  // loads its first 101 hits here, and building a 101-parameter query on every search was
  // a third of its time (issue 12.5). json_each also lifts SQLite's bound-parameter limit.
  const query = preparedOnce(replica, 'persons.byIds', (db) =>
    db
      .select()
      .from(t.persons)
      .where(and(inArray(t.persons.id, sql`(SELECT value FROM json_each(${sql.placeholder('ids')}))`), eq(t.persons.deleted, false)))
      .prepare(),
  )
  return query.all({ ids: JSON.stringify(ids) })
}

/** One person-owned table's live rows of a person, prepared once per open replica (`preparedOnce`). */
function bundleQuery(replica: Replica, entity: (typeof personOwnedEntities)[number]) {
  return preparedOnce(replica, `bundle:${entity}`, (db) => {
    const { table, personId, key, deleted } = ownedTables[entity]
    return db
      .select()
      .from(table)
      .where(and(eq(personId, sql.placeholder('personId')), eq(deleted, false)))
      .orderBy(asc(key))
      .prepare() as unknown as { all(values: { personId: string }): Record<string, unknown>[] }
  })
}

/** The person and all their live base data rows, one list per person-owned entity (rows by id). */
export function loadBundle(replica: Replica, p: PersonRow): PersonBundle {
  const bundle = emptyBundle(toDomain('person', p))
  for (const entity of personOwnedEntities) {
    const rows = bundleQuery(replica, entity).all({ personId: p.id })
    bundleRows(bundle, entity).push(...rows.map((r) => toDomain(entity, r)))
  }
  return bundle
}

/**
 * Caches a bundle fetched by a DUF look-up outside scope (D5): read-only, no server version
 * (the pull does not follow it), replaced wholesale on the next look-up.
 */
export function cacheBundle(replica: Replica, bundle: PersonBundle): PersonRow {
  replica.db.transaction((tx) => {
    const existing = tx.select().from(t.persons).where(eq(t.persons.id, bundle.person.id)).get()
    // A person the pull already brought is in scope: keep the synced copy.
    if (existing && !existing.cachedReadOnly && !existing.deleted) return
    for (const { table, personId } of Object.values(ownedTables)) tx.delete(table).where(eq(personId, bundle.person.id)).run()
    tx.delete(t.persons).where(eq(t.persons.id, bundle.person.id)).run()
    tx.insert(t.persons)
      .values({ ...toDomain('person', bundle.person), serverVersion: null, cachedReadOnly: true })
      .run()
    for (const entity of personOwnedEntities) {
      const list = bundleRows(bundle, entity)
      if (list.length)
        tx.insert(ownedTables[entity].table)
          .values(list.map((r) => ({ ...r, serverVersion: null })))
          .onConflictDoNothing()
          .run()
    }
    indexPersonName(replica.sqlite, bundle.person)
  })
  return findPerson(replica, bundle.person.id)!
}
