import { and, eq, inArray } from 'drizzle-orm'
import { districts, municipalities, persons } from '../db/schema'
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
      if (!live) errors.push({ line: l.line, code: 'UNKNOWN_PERSON', message: `personId ${id} is not a live person` })
    }
    const place = placeOf(l)
    if (!place) continue
    if (!munExists(place.municipality)) {
      errors.push({ line: l.line, code: 'UNKNOWN_MUNICIPALITY', message: `municipality ${place.municipality} does not exist` })
    } else if (place.district) {
      const d = distOf(place.district)
      if (!d || d.municipality !== place.municipality) {
        errors.push({ line: l.line, code: 'UNKNOWN_DISTRICT', message: `district ${place.district} is not a district of ${place.municipality}` })
      }
    }
  }
  return errors.sort((a, b) => a.line - b.line)
}

function placeOf(l: ParsedLine): { municipality: string; district: string | null } | null {
  const r = l.row!
  switch (l.entity) {
    case 'person':
      return { municipality: String(r.followUpMunicipality), district: (r.followUpDistrict as string | null) ?? null }
    case 'address':
      return { municipality: String(r.municipality), district: (r.district as string | null) ?? null }
    case 'district':
      return { municipality: String(r.municipality), district: null }
    case 'settlement':
    case 'grant':
    case 'asylnorskOffer':
      return { municipality: String(r.municipality), district: null }
    default:
      return null
  }
}
