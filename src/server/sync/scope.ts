import { and, eq } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Role } from '../../shared/domain'
import { readsPersonData } from '../../shared/domain'
import { writesPersonData } from '../../shared/rules'
import { persons } from '../db/schema'

/** What a user may pull (A4, D2, R9). */
export interface PullScope {
  municipality: string
  /** Set when the user belongs to one district: the scope narrows to it. */
  district: string | null
  /** False for users whose roles read no person data: they get reference data only. */
  readsPersons: boolean
  /**
   * True when a role writes person data. R9 hides closed (lukka) persons from users without
   * write access; rather than sending a redacted person (a second shape every screen would
   * have to handle), such users simply do not receive closed persons — and a person who
   * becomes closed leaves their replica with a `scopeExit`.
   */
  writer: boolean
}

export function scopeOf(user: { municipality: string; district: string | null; roles: Role[] }): PullScope {
  return {
    municipality: user.municipality,
    district: user.district,
    readsPersons: readsPersonData(user.roles),
    writer: writesPersonData(user.roles),
  }
}

/** Persons followed up in the scope's municipality (and district), closed or not, live or not. */
export function inPlace(scope: PullScope): SQL {
  return and(eq(persons.followUpMunicipality, scope.municipality), scope.district ? eq(persons.followUpDistrict, scope.district) : undefined)!
}

/** Persons whose rows the scope's user receives (tombstoned persons included, for their delete). */
export function visible(scope: PullScope): SQL {
  return and(inPlace(scope), scope.writer ? undefined : eq(persons.closed, false))!
}
