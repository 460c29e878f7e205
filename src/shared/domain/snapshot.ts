import { z } from 'zod'
import { addressSchema } from './address'
import type { CodeListEntry } from './code-list'
import { isoDate } from './common'
import { permitSchema } from './permit'
import { personSchema } from './person'
import {
  absenceSchema,
  asylnorskOfferSchema,
  asylnorskParticipationSchema,
  claimSchema,
  contactSchema,
  decisionSchema,
  endingSchema,
  holidaySchema,
  int2021RegistrationSchema,
  languageTrackSchema,
  measureSchema,
  parentalLeaveAbsenceSchema,
  replacementSchema,
  weeklyParticipationSchema,
} from './registrations'
import { snapshotRuleSettingsSchema } from './rule-setting'
import { settlementSchema } from './settlement'
import { testResultSchema } from './test-result'

/**
 * Attributes of a permit ground (rules.md R3.1). Reference data: the caller passes them in,
 * the rules never import the code list.
 */
export const permitGroundAttributesSchema = z.object({
  introGroup: z.enum(['rett_og_plikt']).nullable(),
  norskGroup: z.enum(['rett_og_plikt', 'plikt']).nullable(),
  asylumSeeker: z.boolean(),
  /** Null where R3.1 has "–" (the ground gives no intro right; read as false). */
  needsSettlementAgreement: z.boolean().nullable(),
  /**
   * First grant date the ground applies to (the code-list entry's `validFrom`, e.g. `UTL38_5`
   * from 2018-06-16); a permit granted earlier gets nothing by this ground. Absent: always.
   */
  validFrom: isoDate.optional(),
})
export type PermitGroundAttributes = z.infer<typeof permitGroundAttributesSchema>

/** Attributes of an intro absence type (R10): only valid absence moves the deadline (R5.2). */
export const absenceTypeAttributesSchema = z.object({ valid: z.boolean() })
export type AbsenceTypeAttributes = z.infer<typeof absenceTypeAttributesSchema>

/** Every registration of one person; each list is required (may be empty). */
export const personRegistrationsSchema = z.object({
  contacts: z.array(contactSchema),
  claims: z.array(claimSchema),
  decisions: z.array(decisionSchema),
  weeklyParticipation: z.array(weeklyParticipationSchema),
  measures: z.array(measureSchema),
  replacements: z.array(replacementSchema),
  absences: z.array(absenceSchema),
  holidays: z.array(holidaySchema),
  parentalLeaveAbsences: z.array(parentalLeaveAbsenceSchema),
  endings: z.array(endingSchema),
  languageTracks: z.array(languageTrackSchema),
  asylnorsk: z.array(asylnorskParticipationSchema),
  /** R12.3.2 registrations of the 2021 act (every kind, with history); the rules read them through `evaluatePerson`. */
  int2021Registrations: z.array(int2021RegistrationSchema),
})
export type PersonRegistrations = z.infer<typeof personRegistrationsSchema>

/**
 * Everything the rules need about one person, as plain JSON (rules.md R0): base data,
 * reference data the rules read (permit grounds, absence types), registrations.
 * Build it explicitly — every array is required so nothing is silently left out.
 */
export const personSnapshotSchema = z.object({
  person: personSchema.pick({
    id: true,
    birthDate: true,
    arrivalDate: true,
    followUpMunicipality: true,
    followUpDistrict: true,
    receptionCentre: true,
  }),
  permits: z.array(permitSchema.pick({ groundCode: true, validFrom: true, validTo: true, grantedDate: true })),
  settlements: z.array(settlementSchema.pick({ date: true, municipality: true, byAgreement: true })),
  addresses: z.array(addressSchema.pick({ municipality: true, district: true, validFrom: true, validTo: true })).optional(),
  /** Permit-ground attributes keyed by ground code (reference data, R3.1). */
  permitGrounds: z.record(z.string(), permitGroundAttributesSchema),
  /** Intro absence-type attributes keyed by type code (reference data, R10). */
  absenceTypes: z.record(z.string(), absenceTypeAttributesSchema),
  registrations: personRegistrationsSchema,
  /** The follow-up municipality's asylnorsk offers (R7.1), for R7.2 checks. */
  asylnorskOffers: z.array(asylnorskOfferSchema),
  /** Programme plan flags: self-study lowers the weekly norm to 30 (R5.4). */
  plan: z.object({ selfStudy: z.boolean() }).optional(),
  /** R12 settings from the register's `ruleSetting` list; a key absent here uses the built-in default. */
  ruleSettings: snapshotRuleSettingsSchema.optional(),
  /** Delivered test results (D3, read-only): R12.2.6 completes Norwegian training by test level under the 2021 act. */
  testResults: z.array(testResultSchema.pick({ part: true, level: true, testDate: true })).optional(),
})
export type PersonSnapshot = z.infer<typeof personSnapshotSchema>
export type SnapshotPermit = PersonSnapshot['permits'][number]
export type SnapshotSettlement = PersonSnapshot['settlements'][number]

/**
 * Permit-ground attributes from code-list entries (list `permitGround`); entries whose
 * `data` lacks the R3.1 attributes are left out. The entry's own `validFrom` becomes the
 * ground's `validFrom` (R3.1), so the rules see when a ground took effect.
 */
export function permitGroundsFromCodeList(entries: readonly CodeListEntry[]): Record<string, PermitGroundAttributes> {
  const out: Record<string, PermitGroundAttributes> = {}
  for (const e of entries) {
    if (e.list !== 'permitGround') continue
    const parsed = permitGroundAttributesSchema.safeParse(e.data)
    if (!parsed.success) continue
    const { validFrom: _ignored, ...attributes } = parsed.data
    out[e.code] = e.validFrom ? { ...attributes, validFrom: e.validFrom } : attributes
  }
  return out
}

/** Absence-type attributes from code-list entries (list `absenceType`, `data.valid`). */
export function absenceTypesFromCodeList(entries: readonly CodeListEntry[]): Record<string, AbsenceTypeAttributes> {
  const out: Record<string, AbsenceTypeAttributes> = {}
  for (const e of entries) {
    if (e.list !== 'absenceType') continue
    const parsed = absenceTypeAttributesSchema.safeParse(e.data)
    if (parsed.success) out[e.code] = parsed.data
  }
  return out
}
