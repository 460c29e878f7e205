import { and, eq, inArray } from 'drizzle-orm'
import { addresses, asylnorskOffers, codeLists, districts, grants, municipalities, permits, persons, settlements, users } from '../db/schema'
import { isRuleSettingKey, parseRuleSettingValue, ruleSettingDataSchema, ruleSettingKeys } from '../../shared/domain'
import type { RegisterDb } from '../db/types'
import type { ImportError, ParsedLine } from './types'

/**
 * Cross-line checks that need the database (A6): every person-owned row names a person that
 * is live after this import (in the file, or in the register and not tombstoned by the
 * file); follow-up and address municipalities and districts exist, and a district belongs
 * to its municipality. Run inside the import transaction, so it sees what it will change.
 */
export async function crossCheck(tx: RegisterDb, lines: ParsedLine[]): Promise<ImportError[]> {
  const errors: ImportError[] = []
  const filePersons = new Map<string, boolean>()
  const fileMun = new Map<string, boolean>()
  const fileDist = new Map<string, { municipality: string } | null>()
  for (const l of lines) {
    if (l.entity === 'person') filePersons.set(l.key, !l.deleted)
    if (l.entity === 'municipality') fileMun.set(l.key, !l.deleted)
    if (l.entity === 'district') fileDist.set(l.key, l.deleted ? null : { municipality: String(l.row!.municipality) })
  }
  const referenced = [...new Set(lines.filter((l) => l.row && 'personId' in l.row).map((l) => String(l.row!.personId)))]
  const dbPersons = new Set<string>()
  for (let i = 0; i < referenced.length; i += 5000) {
    const ids = referenced.slice(i, i + 5000).filter((id) => !filePersons.has(id))
    if (!ids.length) continue
    const rows = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(and(inArray(persons.id, ids), eq(persons.deleted, false)))
    for (const r of rows) dbPersons.add(r.id)
  }
  const dbMun = new Set((await tx.select({ c: municipalities.code }).from(municipalities).where(eq(municipalities.deleted, false))).map((r) => r.c))
  const dbDist = new Map((await tx.select().from(districts).where(eq(districts.deleted, false))).map((d) => [d.code, { municipality: d.municipality }]))
  const munExists = (c: string) => (fileMun.has(c) ? fileMun.get(c)! : dbMun.has(c))
  const distOf = (c: string) => (fileDist.has(c) ? fileDist.get(c)! : (dbDist.get(c) ?? null))

  for (const l of lines) {
    if (!l.row) continue
    const r = l.row
    if ('personId' in r) {
      const id = String(r.personId)
      const live = filePersons.has(id) ? filePersons.get(id)! : dbPersons.has(id)
      if (!live) errors.push({ line: l.line, code: 'UNKNOWN_PERSON', field: 'personId', message: `personId ${id} is not a live person` })
    }
    // Issue 9 point 5: an imported rule setting the rules cannot read would be ignored without a word (the default applies).
    if (l.entity === 'codeList' && r.list === 'ruleSetting') {
      const problem = ruleSettingProblem(String(r.code), r.data)
      if (problem) errors.push({ line: l.line, code: 'INVALID_RULE_SETTING', field: problem.field, message: problem.message })
    }
    const place = placeOf(l)
    if (!place) continue
    if (!munExists(place.municipality)) {
      errors.push({ line: l.line, code: 'UNKNOWN_MUNICIPALITY', field: place.fields[0], message: `municipality ${place.municipality} does not exist` })
    } else if (place.district) {
      const d = distOf(place.district)
      if (!d || d.municipality !== place.municipality) {
        errors.push({ line: l.line, code: 'UNKNOWN_DISTRICT', field: place.fields[1], message: `district ${place.district} is not a district of ${place.municipality}` })
      }
    }
  }
  errors.push(...(await stillReferenced(tx, lines)))
  return errors.sort((a, b) => a.line - b.line)
}

/** Why a `ruleSetting` entry is unusable (unknown key, `data` not `{ value, … }`, a value its key's schema refuses), or null. */
function ruleSettingProblem(key: string, data: unknown): { field: string; message: string } | null {
  if (!isRuleSettingKey(key)) return { field: 'code', message: `unknown rule setting ${key}; known: ${ruleSettingKeys.join(', ')}` }
  const d = ruleSettingDataSchema.safeParse(data)
  if (!d.success) return { field: 'data.value', message: 'a rule setting needs data { value, changedBy?, reason? }' }
  const v = parseRuleSettingValue(key, d.data.value)
  return v.ok ? null : { field: 'data.value', message: `${key}: ${v.problem}` }
}

type Place = { municipality: string; district: string | null; fields: [string, string] }

function placeOf(l: ParsedLine): Place | null {
  const r = l.row!
  switch (l.entity) {
    case 'person':
      return { municipality: String(r.followUpMunicipality), district: (r.followUpDistrict as string | null) ?? null, fields: ['followUpMunicipality', 'followUpDistrict'] }
    case 'address':
      return { municipality: String(r.municipality), district: (r.district as string | null) ?? null, fields: ['municipality', 'district'] }
    case 'district':
    case 'settlement':
    case 'grant':
    case 'asylnorskOffer':
      return { municipality: String(r.municipality), district: null, fields: ['municipality', 'district'] }
    default:
      return null
  }
}

/** Rows that name a municipality or a district (column per table), live ones block its tombstone. */
const placeRefs = [
  { entity: 'person', table: persons, key: persons.id, personId: persons.id, municipality: persons.followUpMunicipality, district: persons.followUpDistrict },
  { entity: 'address', table: addresses, key: addresses.id, personId: addresses.personId, municipality: addresses.municipality, district: addresses.district },
  { entity: 'district', table: districts, key: districts.code, personId: null, municipality: districts.municipality, district: null },
  { entity: 'settlement', table: settlements, key: settlements.id, personId: settlements.personId, municipality: settlements.municipality, district: null },
  { entity: 'grant', table: grants, key: grants.id, personId: grants.personId, municipality: grants.municipality, district: null },
  { entity: 'asylnorskOffer', table: asylnorskOffers, key: asylnorskOffers.id, personId: null, municipality: asylnorskOffers.municipality, district: null },
] as const

/**
 * Issue 11.6: a municipality or district may only be tombstoned when nothing live names it
 * after this import — neither a row of the file nor a register row the file leaves in place
 * (a row the file rewrites or a person the file deletes no longer counts). Deleting 4601
 * while Bergen's persons named it broke every later import of them. Users name places too.
 */
async function stillReferenced(tx: RegisterDb, lines: ParsedLine[]): Promise<ImportError[]> {
  const gone = lines.filter((l) => l.deleted && (l.entity === 'municipality' || l.entity === 'district'))
  const touched = new Set(lines.map((l) => `${l.entity}:${l.key}`))
  const deletedPersons = new Set(lines.filter((l) => l.deleted && l.entity === 'person').map((l) => l.key))
  const errors: ImportError[] = await groundsStillUsed(tx, lines, touched, deletedPersons)
  for (const t of gone) {
    const kind = t.entity as 'municipality' | 'district'
    let user: string | undefined
    let by: string | undefined
    // A live line of this file that names the place.
    const inFile = lines.find((l) => {
      const p = l.row ? placeOf(l) : null
      return p && (kind === 'municipality' ? p.municipality === t.key : p.district === t.key)
    })
    if (inFile) by = `line ${inFile.line}`
    for (const ref of placeRefs) {
      if (by) break
      const col = kind === 'municipality' ? ref.municipality : ref.district
      if (!col) continue
      const rows = await tx
        .select({ key: ref.key, personId: ref.personId ?? ref.key })
        .from(ref.table)
        .where(and(eq(col, t.key), eq(ref.table.deleted, false)))
      const live = rows.find((r) => !touched.has(`${ref.entity}:${r.key}`) && !(ref.personId && deletedPersons.has(r.personId)))
      if (live) by = `${ref.entity} ${live.key}`
    }
    if (!by) {
      const col = kind === 'municipality' ? users.municipality : users.district
      ;[{ username: user } = { username: undefined }] = await tx.select({ username: users.username }).from(users).where(eq(col, t.key)).limit(1)
      if (user) by = 'a user account'
    }
    if (by) errors.push({ line: t.line, code: 'STILL_REFERENCED', field: FIELD[kind], message: `${kind} ${t.key} is still named by ${by}; move or delete those rows first` })
  }
  return errors
}

const FIELD = { municipality: 'code', district: 'code' } as const

/**
 * A permit ground (code list `permitGround`) decides categories (R3): its entry may not be
 * tombstoned while a live permit names its code after this import.
 */
async function groundsStillUsed(tx: RegisterDb, lines: ParsedLine[], touched: Set<string>, deletedPersons: Set<string>): Promise<ImportError[]> {
  const gone = lines.filter((l) => l.deleted && l.entity === 'codeList')
  if (!gone.length) return []
  const entries = await tx
    .select({ id: codeLists.id, code: codeLists.code })
    .from(codeLists)
    .where(
      and(
        inArray(
          codeLists.id,
          gone.map((l) => l.key),
        ),
        eq(codeLists.list, 'permitGround'),
        eq(codeLists.deleted, false),
      ),
    )
  const errors: ImportError[] = []
  for (const e of entries) {
    const t = gone.find((l) => l.key === e.id)!
    const inFile = lines.find((l) => l.entity === 'permit' && l.row?.groundCode === e.code)
    let by = inFile ? `line ${inFile.line}` : undefined
    if (!by) {
      const rows = await tx
        .select({ id: permits.id, personId: permits.personId })
        .from(permits)
        .where(and(eq(permits.groundCode, e.code), eq(permits.deleted, false)))
      const live = rows.find((r) => !touched.has(`permit:${r.id}`) && !deletedPersons.has(r.personId))
      if (live) by = `permit ${live.id}`
    }
    if (by) errors.push({ line: t.line, code: 'STILL_REFERENCED', field: 'id', message: `permit ground ${e.code} is still named by ${by}; move or delete those rows first` })
  }
  return errors
}
