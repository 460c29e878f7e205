import { z } from 'zod'
import { districtCode, municipalityCode } from './common'

/** Roles of domain.md D2. */
export const roles = [
  'kommuneadministrator',
  'kommuneles',
  'kommuneintro',
  'kommunenorsk',
  'kommunetilskudd_asylnorsksokar',
  'kommuneetterregistrering',
  'kommunenirsuperbrukar',
  'kommunesupport',
] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

/** The user as the device and the rules see it (no secrets). */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  municipality: municipalityCode,
  district: districtCode.nullable(),
  roles: z.array(roleSchema),
})
export type User = z.infer<typeof userSchema>

/** Roles that may read person data at all (R9: the administrator alone reads none). */
export function readsPersonData(userRoles: readonly Role[]): boolean {
  return userRoles.some((r) => r !== 'kommuneadministrator' && r !== 'kommunetilskudd_asylnorsksokar' && r !== 'kommunesupport')
}
