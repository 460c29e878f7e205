import type { Reason } from '../api/result'
import type { Scheme } from '../domain/scheme'
import type { Role } from '../domain/user'

/**
 * R9 / D2: who may write what, for whom. Pure functions over the user's roles and the
 * person's follow-up municipality/district.
 */

/** The user as the rules see it (`checkCommand`'s `context.user`). */
export interface RuleUser {
  roles: readonly Role[]
  /** 4-digit municipality number. */
  municipality: string
  /** 6-digit district (bydel) number, when the user belongs to one. */
  district: string | null
}

/** Where the person is followed up (oppfølgingskommune/bydel). */
export interface PersonScope {
  followUpMunicipality: string
  followUpDistrict: string | null
}

/**
 * What a command acts on: a scheme of a person, the municipality's yearly asylnorsk
 * offer (R7.1), which belongs to no person, or `kartlegging`: a person fact both the intro
 * and the norsk scheme read (R12.3.2 education background, "intro or norsk").
 */
export type WriteArea = Scheme | 'asylnorskOffer' | 'kartlegging'

const SUPERUSER: Role = 'kommunenirsuperbrukar'

/** Roles that may write each area besides the superuser (R9); any one of them suffices. */
const WRITE_ROLES: Record<WriteArea, readonly Role[]> = {
  intro: ['kommuneintro'],
  norsk: ['kommunenorsk'],
  asylnorsk: ['kommunenorsk'],
  asylnorskOffer: ['kommunetilskudd_asylnorsksokar'],
  // R12.3.2: education background is registered by "intro or norsk".
  kartlegging: ['kommuneintro', 'kommunenorsk'],
}

/**
 * R9: role check alone. `kommuneles` reads only and `kommuneadministrator` reads no person
 * data, so neither ever passes here; the superuser passes everywhere (D2).
 */
export function hasWriteRole(roles: readonly Role[], area: WriteArea): boolean {
  return roles.includes(SUPERUSER) || WRITE_ROLES[area].some((r) => roles.includes(r))
}

/**
 * R9 scope: the person's follow-up municipality is the user's, and — only when the user
 * belongs to a district — the person's district is the user's too. A district user does
 * not reach a person of the same municipality with no district set.
 */
export function inScope(user: RuleUser, person: PersonScope): boolean {
  if (person.followUpMunicipality !== user.municipality) return false
  return user.district === null || person.followUpDistrict === user.district
}

/** R9: may the user write this area for this person (role and scope)? */
export function mayWrite(user: RuleUser, area: WriteArea, person: PersonScope): boolean {
  return hasWriteRole(user.roles, area) && inScope(user, person)
}

/**
 * R9: closed (*lukka*) data is shown only to users who may write something for the person
 * (any scheme); open data to anyone who reads person data.
 */
export function maySeeClosedData(user: RuleUser, person: PersonScope): boolean {
  return writesPersonData(user.roles) && inScope(user, person)
}

/** The person areas (every scheme; the asylnorsk offer belongs to no person). */
const PERSON_AREAS: readonly WriteArea[] = ['intro', 'norsk', 'asylnorsk']

/**
 * R9, roles only: may these roles write something for some person? The register pulls closed
 * persons only to such users (`server/sync/scope.ts`), so device and register agree on it.
 */
export function writesPersonData(roles: readonly Role[]): boolean {
  return PERSON_AREAS.some((a) => hasWriteRole(roles, a))
}

/**
 * R11.11: `kommuneetterregistrering` and the superuser (who holds every privilege but the
 * administrator's) lift the 2-month back-registration window.
 */
export function liftsBackRegistrationWindow(roles: readonly Role[]): boolean {
  return roles.includes('kommuneetterregistrering') || roles.includes(SUPERUSER)
}

/**
 * R9 as reasons: `NOT_PERMITTED` when the role is missing, else `OUT_OF_SCOPE` when the
 * person (or, for the offer, the municipality) is not the user's. `scope` is the person's
 * scope, or for `asylnorskOffer` the offer's municipality.
 */
export function permissionReasons(user: RuleUser, area: WriteArea, scope: PersonScope | { municipality: string }): Reason[] {
  if (!hasWriteRole(user.roles, area)) {
    return [{ code: 'NOT_PERMITTED', field: 'command', values: { area } }]
  }
  if ('municipality' in scope) {
    return scope.municipality === user.municipality ? [] : [{ code: 'OUT_OF_SCOPE', field: 'municipality', values: { area } }]
  }
  return inScope(user, scope) ? [] : [{ code: 'OUT_OF_SCOPE', field: 'personId', values: { area } }]
}
