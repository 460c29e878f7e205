import { z } from 'zod'
import {
  absenceSchema,
  addressSchema,
  endingSchema,
  holidaySchema,
  measureSchema,
  parentalLeaveAbsenceSchema,
  replacementSchema,
  asylnorskOfferSchema,
  asylnorskParticipationSchema,
  citizenshipSchema,
  claimSchema,
  contactSchema,
  decisionSchema,
  languageTrackSchema,
  int2021RegistrationSchema,
  certificateIssueSchema,
  weeklyParticipationSchema,
  codeListEntrySchema,
  districtSchema,
  grantSchema,
  municipalitySchema,
  permitSchema,
  personSchema,
  settlementSchema,
  testResultSchema,
} from '../domain'

/**
 * How one synced entity travels: the zod schema of its row (`Change.data`), its key field,
 * and whether it belongs to one person (carries `personId`, follows the person's scope and
 * leaves the replica with them). A person-owned entity names its list in `PersonBundle`.
 */
export type EntitySpec = { schema: z.ZodObject; key: 'id' | 'code' } & ({ personOwned: true; bundleKey: string } | { personOwned: false; bundleKey?: never })

/**
 * THE list of synced entities (A3/A4). Every other list — entity names, person-owned
 * entities, key fields, the bundle schema, the device's and the register's tables — is
 * derived from it, and the tables of both sides are `Record<EntityName, …>` checked against
 * it at compile time. Order matters: the person before their rows, so a change set or an
 * import applies the person first.
 */
export const entities = {
  person: { schema: personSchema, key: 'id', personOwned: false },
  permit: { schema: permitSchema, key: 'id', personOwned: true, bundleKey: 'permits' },
  address: { schema: addressSchema, key: 'id', personOwned: true, bundleKey: 'addresses' },
  citizenship: { schema: citizenshipSchema, key: 'id', personOwned: true, bundleKey: 'citizenships' },
  settlement: { schema: settlementSchema, key: 'id', personOwned: true, bundleKey: 'settlements' },
  testResult: { schema: testResultSchema, key: 'id', personOwned: true, bundleKey: 'testResults' },
  grant: { schema: grantSchema, key: 'id', personOwned: true, bundleKey: 'grants' },
  // Registrations (D6–D8): bundle keys are the snapshot's `PersonRegistrations` lists.
  contact: { schema: contactSchema, key: 'id', personOwned: true, bundleKey: 'contacts' },
  claim: { schema: claimSchema, key: 'id', personOwned: true, bundleKey: 'claims' },
  decision: { schema: decisionSchema, key: 'id', personOwned: true, bundleKey: 'decisions' },
  weeklyParticipation: { schema: weeklyParticipationSchema, key: 'id', personOwned: true, bundleKey: 'weeklyParticipation' },
  languageTrack: { schema: languageTrackSchema, key: 'id', personOwned: true, bundleKey: 'languageTracks' },
  asylnorskParticipation: { schema: asylnorskParticipationSchema, key: 'id', personOwned: true, bundleKey: 'asylnorsk' },
  // The introduction programme's records (D8.3, D8.4).
  measure: { schema: measureSchema, key: 'id', personOwned: true, bundleKey: 'measures' },
  replacement: { schema: replacementSchema, key: 'id', personOwned: true, bundleKey: 'replacements' },
  absence: { schema: absenceSchema, key: 'id', personOwned: true, bundleKey: 'absences' },
  holiday: { schema: holidaySchema, key: 'id', personOwned: true, bundleKey: 'holidays' },
  parentalLeaveAbsence: { schema: parentalLeaveAbsenceSchema, key: 'id', personOwned: true, bundleKey: 'parentalLeaveAbsences' },
  ending: { schema: endingSchema, key: 'id', personOwned: true, bundleKey: 'endings' },
  // The 2021 act's dated registrations (R12.3.2) and the certificates handed out (issue 10).
  int2021Registration: { schema: int2021RegistrationSchema, key: 'id', personOwned: true, bundleKey: 'int2021Registrations' },
  certificateIssue: { schema: certificateIssueSchema, key: 'id', personOwned: true, bundleKey: 'certificateIssues' },
  codeList: { schema: codeListEntrySchema, key: 'id', personOwned: false },
  municipality: { schema: municipalitySchema, key: 'code', personOwned: false },
  district: { schema: districtSchema, key: 'code', personOwned: false },
  // Owned by a municipality, not a person (R7.1): few rows, synced to every device like reference data.
  asylnorskOffer: { schema: asylnorskOfferSchema, key: 'id', personOwned: false },
} as const satisfies Record<string, EntitySpec>

type Entities = typeof entities
export type EntityName = keyof Entities
export type EntitySchema<E extends EntityName> = Entities[E]['schema']
/** The domain object of one entity's row. */
export type EntityData<E extends EntityName> = z.infer<EntitySchema<E>>
/** Entities that belong to one person and leave the replica with them. */
export type PersonOwnedEntity = { [E in EntityName]: Entities[E]['personOwned'] extends true ? E : never }[EntityName]
/** Reference data (code lists, municipalities, districts): synced to every user. */
export type ReferenceEntity = Exclude<EntityName, 'person' | PersonOwnedEntity>
export type BundleKey = Entities[PersonOwnedEntity]['bundleKey']

export const entityNames = Object.keys(entities) as EntityName[]
export const entitySchemas = Object.fromEntries(entityNames.map((e) => [e, entities[e].schema])) as {
  [E in EntityName]: EntitySchema<E>
}
export const personOwnedEntities = entityNames.filter((e): e is PersonOwnedEntity => entities[e].personOwned) as readonly PersonOwnedEntity[]
export const referenceEntities = entityNames.filter((e): e is ReferenceEntity => e !== 'person' && !entities[e].personOwned) as readonly ReferenceEntity[]

export function isPersonOwned(entity: EntityName): entity is PersonOwnedEntity {
  return entities[entity].personOwned
}

/** Key field of an entity's row: `id`, or `code` for municipalities and districts. */
export function entityKeyField(entity: EntityName): 'id' | 'code' {
  return entities[entity].key
}

/** Row key of an entity's row. */
export function entityKey(entity: EntityName, data: Record<string, unknown>): string {
  return String(data[entities[entity].key])
}

const fieldLists = Object.fromEntries(entityNames.map((e) => [e, Object.keys(entities[e].schema.shape)])) as unknown as Record<EntityName, readonly string[]>

/** Domain field names of an entity, in schema order: what travels in `Change.data`. */
export function entityFields(entity: EntityName): readonly string[] {
  return fieldLists[entity]
}

/**
 * A stored row (SQLite replica or PostgreSQL) as its domain object: copies exactly the fields
 * of the entity's schema, so a bookkeeping column added to a table can never leak into a
 * change, a bundle or a screen. A missing field becomes null (every optional domain field is
 * nullable).
 */
export function toDomain<E extends EntityName>(entity: E, row: object): EntityData<E> {
  const r = row as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const f of fieldLists[entity]) out[f] = r[f] ?? null
  return out as EntityData<E>
}

type BundleShape = { person: EntitySchema<'person'> } & {
  [E in PersonOwnedEntity as Entities[E]['bundleKey']]: z.ZodArray<EntitySchema<E>>
}

/** A person with all their base data (DUF look-up, rules input): one list per person-owned entity. */
export const personBundleSchema = z.object({
  person: entities.person.schema,
  ...Object.fromEntries(personOwnedEntities.map((e) => [entities[e].bundleKey, z.array(entities[e].schema)])),
} as BundleShape)
export type PersonBundle = z.infer<typeof personBundleSchema>

/** The bundle key of a person-owned entity (`permit` → `permits`). */
export function bundleKeyOf<E extends PersonOwnedEntity>(entity: E): Entities[E]['bundleKey'] {
  return entities[entity].bundleKey
}

/** The person with every list empty, for loaders that fill the lists entity by entity. */
export function emptyBundle(person: EntityData<'person'>): PersonBundle {
  const bundle: Record<string, unknown> = { person }
  for (const e of personOwnedEntities) bundle[entities[e].bundleKey] = []
  return bundle as PersonBundle
}

/** The bundle's list of one person-owned entity (the same array, so loaders can push to it). */
export function bundleRows<E extends PersonOwnedEntity>(bundle: PersonBundle, entity: E): EntityData<E>[] {
  return (bundle as unknown as Record<string, EntityData<E>[]>)[entities[entity].bundleKey]
}

/** Strict type equality (not mere assignability: optional vs required and `| null` count). */
export type Equals<A, B> = (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false
type Flat<T> = { [K in keyof T]: T[K] }

/**
 * Entities whose stored row type, minus the side's bookkeeping columns, is not exactly the
 * domain type; `never` when every table matches. Each side asserts it is `never`, so a column
 * added, dropped, renamed or typed differently on one side fails `tsc` naming the entity.
 */
export type DriftedEntities<Rows extends Record<EntityName, object>, Bookkeeping extends PropertyKey> = {
  [E in EntityName]: Equals<Omit<Rows[E], Bookkeeping>, Stored<EntityData<E>>> extends true ? never : E
}[EntityName]
/**
 * A domain row as a table stores it: a `nullish` field (optional so hand-built rows may omit
 * it) is a nullable column, read back as null (`toDomain`). A merely optional field stays
 * `T`, so it fails the check: a table cannot keep "absent" apart from a value.
 */
type Stored<T> = { [K in keyof T]-?: Exclude<T[K], undefined> }
