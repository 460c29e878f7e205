import { inArray } from 'drizzle-orm'
import { codeLists } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { livePersonIds } from '../rules/evaluate'
import { RULE_CODE_LISTS } from '../rules/snapshot'
import type { RowChange } from './diff'

/**
 * A6: the persons whose categories and deadlines an import may have changed — every person
 * with a changed row (the change group is the person id; a moved row's old person too), or every live person when an entry
 * of a list the rules read changed (a permit ground's attributes decide categories). Call
 * after the changes are written: a tombstoned code-list entry is looked up by id to learn
 * its list.
 */
export async function personsAffected(tx: RegisterDb, changes: readonly RowChange[]): Promise<string[]> {
  // A moved row changes the person it left as well as the one it joined.
  const persons = new Set(changes.flatMap((c) => [c.group, c.movedFrom ?? '']).filter((id) => id !== ''))
  const codeListIds = changes.filter((c) => c.entity === 'codeList').map((c) => c.key)
  if (codeListIds.length === 0) return [...persons]
  const lists = await tx.selectDistinct({ list: codeLists.list }).from(codeLists).where(inArray(codeLists.id, codeListIds))
  const rules: readonly string[] = RULE_CODE_LISTS
  if (!lists.some((l) => rules.includes(l.list))) return [...persons]
  // Tombstoned persons stay in the set so their stored evaluation is removed.
  return [...new Set([...persons, ...(await livePersonIds(tx))])]
}
