import { initialCodeLists } from '../../shared/reference/initial-code-lists'
import { initialDistricts, initialMunicipalities } from '../reference/municipalities'
import { nextSeqs, takeChangeLock } from '../sync/change-lock'
import { codeLists, districts, municipalities } from './schema'
import type { RegisterDb } from './types'

/**
 * Inserts the initial reference data that is missing (first start, or a release that adds
 * entries). Existing rows are left alone: a list changed later by an import must not be
 * reverted by a restart. Everything inserted is one change set (its own seq, A4).
 */
export async function seedReferenceData(db: RegisterDb): Promise<number> {
  return db.transaction(async (tx) => {
    await takeChangeLock(tx)
    const haveCodes = new Set((await tx.select({ id: codeLists.id }).from(codeLists)).map((r) => r.id))
    const haveMun = new Set((await tx.select({ c: municipalities.code }).from(municipalities)).map((r) => r.c))
    const haveDist = new Set((await tx.select({ c: districts.code }).from(districts)).map((r) => r.c))
    const newCodes = initialCodeLists.filter((c) => !haveCodes.has(c.id))
    const newMun = initialMunicipalities.filter((m) => !haveMun.has(m.code))
    const newDist = initialDistricts.filter((d) => !haveDist.has(d.code))
    const count = newCodes.length + newMun.length + newDist.length
    if (count === 0) return 0
    const [seq] = await nextSeqs(tx, 1)
    for (let i = 0; i < newCodes.length; i += 500) {
      await tx
        .insert(codeLists)
        .values(newCodes.slice(i, i + 500).map((c) => ({ ...c, seq })))
        .onConflictDoNothing()
    }
    if (newMun.length)
      await tx
        .insert(municipalities)
        .values(newMun.map((m) => ({ ...m, seq })))
        .onConflictDoNothing()
    if (newDist.length)
      await tx
        .insert(districts)
        .values(newDist.map((d) => ({ ...d, seq })))
        .onConflictDoNothing()
    return count
  })
}
