import { z } from 'zod'
import { isoDate, municipalityCode, rowId } from './common'
import { decisionSchemeSchema } from './scheme'

/**
 * Registrations a municipality makes on a person (domain.md D6–D9, rules.md R4–R7).
 * Plain JSON rows; the rules read them through the person snapshot (snapshot.ts).
 * Optional fields are `nullish` so rows from a database (null) and hand-built rows
 * (omitted) both parse.
 */

/** Decision types of R4, by scheme. */
export const norskDecisionTypes = [
  'NORSK_RETT_OG_PLIKT',
  'NORSK_RETT',
  'NORSK_PLIKT',
  'NORSK_BEHOVSPROVD',
  'NORSK_FRITAK_NORSK',
  'NORSK_FRITAK_SAMFUNN',
  'NORSK_FRITAK_PROVE',
  'NORSK_UTSETT_OPPSTART',
  'NORSK_PERMISJON',
] as const
export const introDecisionTypes = ['INTRO_PROGRAM', 'INTRO_PERMISJON', 'INTRO_UTVIDA_DELTAKING', 'INTRO_MIDLERTIDIG_STANS', 'INTRO_PERMANENT_STANS'] as const
export const decisionTypes = [...norskDecisionTypes, ...introDecisionTypes] as const
export const decisionTypeSchema = z.enum(decisionTypes)
export type DecisionType = z.infer<typeof decisionTypeSchema>

const hours = z.number().min(0)
const isoWeekFields = { isoYear: z.number().int().min(1900).max(9999), isoWeek: z.number().int().min(1).max(53) }
const owned = { id: rowId, personId: rowId }

/** Contact with the person (Registrer kontakt med person, D6.1 / D8.1). */
export const contactSchema = z.object({ ...owned, scheme: decisionSchemeSchema, date: isoDate })
export type Contact = z.infer<typeof contactSchema>

export const claimKinds = ['NORSKOPPLAERING', 'UTSETT_OPPSTART', 'INTROPROGRAM'] as const
/** Claim/application from the person (D6.2); its date starts deadlines (R5.1, R6.2). */
export const claimSchema = z.object({ ...owned, scheme: decisionSchemeSchema, date: isoDate, kind: z.enum(claimKinds) })
export type Claim = z.infer<typeof claimSchema>

/** A decision (vedtak, D6.3 / D8.1); which fields apply depends on `type` (R4 table). */
export const decisionSchema = z.object({
  ...owned,
  scheme: decisionSchemeSchema,
  type: decisionTypeSchema,
  result: z.enum(['innvilga', 'avslag']),
  decisionDate: isoDate,
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  /** Hours granted (norsk: auto for rett/plikt decisions, required for NORSK_BEHOVSPROVD). */
  hours: hours.nullish(),
  /** Code from the exemption/postponement/refusal reason lists (R10). */
  reasonCode: z.string().max(60).nullish(),
  reasonText: z.string().max(2000).nullish(),
  /** Leave type code (R10) on *_PERMISJON decisions. */
  leaveType: z.string().max(60).nullish(),
  /** How an intro leave moves the completion deadline (R5.2). */
  leaveUnit: z.enum(['kalenderdagar', 'verkedagar']).nullish(),
  /**
   * R5.4: the programme plan is self-study (sjølvstudium), so the weekly norm is 30 hours,
   * not 37.5. Only on a granted INTRO_PROGRAM (R4, `decisionFieldStates`). Absent or null
   * means false, so rows saved before the field existed read as a full-time plan.
   */
  selfStudy: z.boolean().nullish(),
  /** R12.3.1 (2021 act only): decided months of a granted `INTRO_PROGRAM` (1–60). */
  durationMonths: z.number().int().nullish(),
  /** R12.3.1 (2021 act only): months a granted `INTRO_UTVIDA_DELTAKING` adds (1–12). */
  extensionMonths: z.number().int().nullish(),
})
export type Decision = z.infer<typeof decisionSchema>

/** Weekly participation in Norwegian training, one row per ISO week (R6.4). */
export const weeklyParticipationSchema = z.object({
  ...owned,
  ...isoWeekFields,
  norskHours: hours,
  samfunnHours: hours,
  absenceHours: hours,
})
export type WeeklyParticipation = z.infer<typeof weeklyParticipationSchema>

/** A measure (tiltak) of the introduction programme (D8.3, R5.3). */
export const measureSchema = z.object({
  ...owned,
  groupCode: z.string().min(1).max(40),
  measureCode: z.string().min(1).max(60),
  fromDate: isoDate,
  toDate: isoDate,
  hoursPerWeek: hours,
})
export type Measure = z.infer<typeof measureSchema>

/** A replacing measure: takes the place of `replacesMeasureIds` inside its range (R5.4). */
export const replacementSchema = z.object({
  ...owned,
  fromDate: isoDate,
  toDate: isoDate,
  replacesMeasureIds: z.array(rowId),
  groupCode: z.string().min(1).max(40),
  measureCode: z.string().min(1).max(60),
  hoursPerWeek: hours,
})
export type Replacement = z.infer<typeof replacementSchema>

/** One absence type row of an absence registration: days or hours, not both (R5.5). */
export const absenceRowSchema = z.object({
  typeCode: z.string().min(1).max(60),
  days: hours.nullish(),
  hours: hours.nullish(),
})
export type AbsenceRow = z.infer<typeof absenceRowSchema>

/** Absence (fråvær) in the introduction programme for a period (D8.3, R5.5). */
export const absenceSchema = z.object({ ...owned, fromDate: isoDate, toDate: isoDate, rows: z.array(absenceRowSchema) })
export type Absence = z.infer<typeof absenceSchema>

export const holidayKinds = ['ferie', 'hoegtid'] as const
/** Holidays and public feasts in the programme (ferie og høgtidsdagar, D8.3). */
export const holidaySchema = z.object({ ...owned, fromDate: isoDate, toDate: isoDate, kind: z.enum(holidayKinds) })
export type Holiday = z.infer<typeof holidaySchema>

/** Absence after ended parental leave (D8.3); moves the completion deadline (R5.2). */
export const parentalLeaveAbsenceSchema = z.object({
  ...owned,
  fromDate: isoDate,
  toDate: isoDate,
  typeCode: z.string().min(1).max(60),
  reason: z.string().max(2000).nullish(),
})
export type ParentalLeaveAbsence = z.infer<typeof parentalLeaveAbsenceSchema>

/** Ending of the introduction programme (avslutning, D8.4, R5.6). */
export const endingSchema = z.object({
  ...owned,
  endDate: isoDate,
  reasonCode: z.string().min(1).max(60),
  /** Hours of work per week, for reason `ARBEID`. */
  hoursPerWeek: hours.nullish(),
})
export type Ending = z.infer<typeof endingSchema>

/** Language and track (kartlegging, D6, R6.5); a new row keeps history. */
export const languageTrackSchema = z.object({
  ...owned,
  date: isoDate,
  motherTongue: z.string().regex(/^[a-z]{3}$/),
  language1: z.string().regex(/^[a-z]{3}$/),
  language2: z
    .string()
    .regex(/^[a-z]{3}$/)
    .nullish(),
  track: z.enum(['1', '2', '3', '4']),
})
export type LanguageTrack = z.infer<typeof languageTrackSchema>

/** R7.1: what a municipality offers asylum seekers: asylnorsk and *norsk kultur og norske verdiar*. */
export const asylnorskOfferKinds = ['ASYLNORSK', 'NKNV'] as const
export type AsylnorskOfferKind = (typeof asylnorskOfferKinds)[number]
/**
 * Kinds of weekly rows (R7.2): the offered kinds, and training in reception under the 2021
 * act (R12.2.8, R12.3.1: Norwegian and social studies, for applications from 2021). Offers
 * keep only `asylnorskOfferKinds`, so an offer can never be of a MOTTAK kind.
 */
export const asylnorskKinds = [...asylnorskOfferKinds, 'MOTTAK_NORSK', 'MOTTAK_SAMF'] as const
export const asylnorskKindSchema = z.enum(asylnorskKinds)
export type AsylnorskKind = z.infer<typeof asylnorskKindSchema>

/**
 * R12.2.8 "R7.1's offer still required" (**Decision**: which one): a reception-centre row
 * needs the municipality's offer of the matching 2003 kind — Norwegian → asylnorsk, social
 * studies → NKNV (the offer of values and society) — as the law keeps the municipality's
 * duty to offer and the register has one offer list.
 */
export function asylnorskOfferKindOf(kind: AsylnorskKind): AsylnorskOfferKind {
  return kind === 'MOTTAK_NORSK' ? 'ASYLNORSK' : kind === 'MOTTAK_SAMF' ? 'NKNV' : kind
}

/** Weekly participation in training for asylum seekers (R7.2). */
export const asylnorskParticipationSchema = z.object({
  ...owned,
  ...isoWeekFields,
  kind: asylnorskKindSchema,
  hours,
})
export type AsylnorskParticipation = z.infer<typeof asylnorskParticipationSchema>

/** A municipality's yearly offer of asylnorsk/NKNV (R7.1, D7). Not person-owned. */
export const asylnorskOfferSchema = z.object({
  id: rowId,
  municipality: municipalityCode,
  year: z.number().int().min(1900).max(9999),
  kind: z.enum(asylnorskOfferKinds),
  fromDate: isoDate,
  toDate: isoDate,
})
export type AsylnorskOffer = z.infer<typeof asylnorskOfferSchema>

/** R12.3.2 education background (`VGS_ELLER_HOGARE` = NIR's "vgs: yes"). */
export const educationBackgrounds = ['INGEN_GRUNNSKULE', 'GRUNNSKULE', 'VGS_ELLER_HOGARE'] as const
/** Test levels in order (R12.2.6): under A1 < A1 < A2 < B1 < B2 < C1. */
export const norskLevels = ['UNDER_A1', 'A1', 'A2', 'B1', 'B2', 'C1'] as const
/** The parts of the Norwegian test; norskmål and results are per part (R12.2.6). */
export const norskParts = ['lytting', 'lesing', 'skriftleg', 'munnleg'] as const
/** R12.3.2 final goal (sluttmål) of the programme (Decision: reference data). */
export const finalGoals = ['ARBEID', 'HOGARE_UTDANNING', 'FULLFORT_VGO', 'DELAR_AV_UTDANNING'] as const
/** R12.3.2 programme elements, each registered with the date it was done. */
export const programmeElements = ['KOMPETANSEKARTLEGGING', 'KARRIERERETTLEIING', 'LIVSMEISTRING', 'FORELDRERETTLEIING'] as const

const level = z.enum(norskLevels)
/**
 * What one R12.3.2 registration records, by `kind`. Its `date` (on the row) is the event
 * date R8.1 judges: the registration date, the contract date, the date an element was done,
 * or the first day of full-time upper secondary school.
 */
export const int2021FactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('educationBackground'), background: z.enum(educationBackgrounds) }),
  z.object({
    kind: z.literal('norskGoal'),
    /** A level per part, or the higher-education goal (C1 or grade 2 in upper secondary Norwegian). */
    goal: z.union([z.literal('C1_ELLER_KARAKTER_2'), z.object({ lytting: level, lesing: level, skriftleg: level, munnleg: level })]),
  }),
  z.object({ kind: z.literal('finalGoal'), goal: z.enum(finalGoals), text: z.string().max(2000).nullish() }),
  z.object({ kind: z.literal('integrationContract') }),
  z.object({ kind: z.literal('programmeElement'), element: z.enum(programmeElements) }),
  z.object({ kind: z.literal('fullTimeUpperSecondary'), toDate: isoDate.nullish() }),
  z.object({ kind: z.literal('referencePersonCondition'), met: z.boolean() }),
])
export type Int2021Fact = z.infer<typeof int2021FactSchema>
export type Int2021FactKind = Int2021Fact['kind']
export const int2021FactKinds = int2021FactSchema.options.map((o) => o.shape.kind.value) as Int2021FactKind[]

/**
 * One registration of the 2021 act (R12.3.2): dated, kept as history — the current one of a
 * kind is the latest by `date`, then `recordedAt` (the device's save time, ISO timestamp).
 * Refused for a person under the 2003 act (`NOT_IN_REGIME`).
 */
export const int2021RegistrationSchema = z.object({
  ...owned,
  date: isoDate,
  recordedAt: z.string().max(40).nullish(),
  fact: int2021FactSchema,
})
export type Int2021Registration = z.infer<typeof int2021RegistrationSchema>

/**
 * A participant certificate handed out (deltakarbevis, D10, issue 10 point 3): who issued it,
 * when, in which language and content version, and how many of the person's registrations
 * still waited to sync when the caseworker chose to issue it anyway (0: none). Synced like a
 * registration, so the register knows what was handed out; a reissue lists the earlier rows.
 */
export const certificateIssueSchema = z.object({
  ...owned,
  scheme: decisionSchemeSchema,
  lang: z.enum(['nb', 'nn']),
  /** `CERTIFICATE_VERSION` of the content printed (a bookkeeping column `version` exists on the register). */
  contentVersion: z.string().min(1).max(40),
  /** Date of issue (Oslo), the date printed on the certificate. */
  issuedOn: isoDate,
  /** When it was issued (ISO timestamp). */
  issuedAt: z.string().min(1).max(40),
  /** The issuing user's username, and the name printed on the signature line. */
  issuedBy: z.string().min(1).max(200),
  issuerName: z.string().max(200).nullish(),
  pendingCount: z.number().int().min(0).max(100000),
})
export type CertificateIssue = z.infer<typeof certificateIssueSchema>
