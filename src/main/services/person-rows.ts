import { and, asc, eq, inArray } from 'drizzle-orm'
import type { PersonHit } from '../../shared/api'
import type { PersonBundle } from '../../shared/sync'
import { ownedTables, toDomain } from '../db/entities'
import { indexPersonName } from '../db/name-index'
import type { Replica } from '../db/open'
import * as t from '../db/schema'
import type { PersonRow } from '../db/schema'

/** Reads of persons shared by the person services. */

export function municipalityNames(replica: Replica): Map<string, string> {
  const rows = replica.db.select({ code: t.municipalities.code, name: t.municipalities.name }).from(t.municipalities).all()
  return new Map(rows.map((r) => [r.code, r.name]))
}

export function toHit(p: PersonRow, names: Map<string, string>): PersonHit {
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
  }
}

/** Sort order of every person list: surname, first name, birth date. */
export function byName(a: PersonRow, b: PersonRow): number {
  return a.lastName.localeCompare(b.lastName, 'nb') || a.firstName.localeCompare(b.firstName, 'nb') || a.birthDate.localeCompare(b.birthDate)
}

export function findPerson(replica: Replica, id: string): PersonRow | undefined {
  return replica.db.select().from(t.persons).where(and(eq(t.persons.id, id), eq(t.persons.deleted, false))).get()
}

export function personsByIds(replica: Replica, ids: string[]): PersonRow[] {
  const out: PersonRow[] = []
  // SQLite limits bound parameters; chunk large candidate sets.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    out.push(...replica.db.select().from(t.persons).where(and(inArray(t.persons.id, chunk), eq(t.persons.deleted, false))).all())
  }
  return out
}

/** The person and all their live base data rows. */
export function loadBundle(replica: Replica, p: PersonRow): PersonBundle {
  const rows = <E extends keyof typeof ownedTables>(entity: E) => {
    const { table, personId } = ownedTables[entity]
    return replica.db
      .select()
      .from(table)
      .where(and(eq(personId, p.id), eq((table as typeof t.permits).deleted, false)))
      .orderBy(asc((table as typeof t.permits).id))
      .all()
      .map((r) => toDomain(r))
  }
  return {
    person: toDomain(p),
    permits: rows('permit'),
    addresses: rows('address'),
    citizenships: rows('citizenship'),
    settlements: rows('settlement'),
    testResults: rows('testResult'),
    grants: rows('grant'),
  } as PersonBundle
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
    tx.insert(t.persons).values({ ...bundle.person, serverVersion: null, cachedReadOnly: true }).run()
    const owned: [keyof typeof ownedTables, Record<string, unknown>[]][] = [
      ['permit', bundle.permits],
      ['address', bundle.addresses],
      ['citizenship', bundle.citizenships],
      ['settlement', bundle.settlements],
      ['testResult', bundle.testResults],
      ['grant', bundle.grants],
    ]
    for (const [entity, list] of owned) {
      if (list.length) tx.insert(ownedTables[entity].table).values(list.map((r) => ({ ...r, serverVersion: null }))).onConflictDoNothing().run()
    }
    indexPersonName(replica.sqlite, bundle.person)
  })
  return findPerson(replica, bundle.person.id)!
}
