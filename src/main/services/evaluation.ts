import { and, eq, inArray } from 'drizzle-orm'
import type { CodeListEntry } from '../../shared/domain'
import { evaluatePerson, osloDateOfMs, snapshotFromBase, type Evaluation } from '../../shared/rules'
import type { PersonBundle } from '../../shared/sync'
import { toDomain } from '../db/entities'
import type { Replica } from '../db/open'
import * as t from '../db/schema'

/** The reference-data lists the rules read (R3.1 permit grounds, R10 absence types). */
const RULE_LISTS = ['permitGround', 'absenceType'] as const

/**
 * The person's categories, statuses and deadlines computed on the device by the shared rules
 * from the replica — the same `snapshotFromBase` + `evaluatePerson` the central register runs
 * on import, so both show the same result for the same data. "Today" is the device's date in
 * Norway (R11.11).
 */
export function evaluateOnDevice(replica: Replica, bundle: PersonBundle, now: Date): Evaluation {
  const codeLists = replica.db
    .select()
    .from(t.codeLists)
    .where(and(inArray(t.codeLists.list, [...RULE_LISTS]), eq(t.codeLists.deleted, false)))
    .all()
    .map((r) => toDomain<CodeListEntry>(r))
  return evaluatePerson(snapshotFromBase(bundle, codeLists), osloDateOfMs(now.getTime()))
}
