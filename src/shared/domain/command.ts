import { z } from 'zod'
import { rowId } from './common'
import {
  absenceSchema,
  asylnorskOfferSchema,
  asylnorskParticipationSchema,
  certificateIssueSchema,
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

/**
 * Commands a caseworker issues (architecture.md A2/A4): what the outbox stores and what
 * `checkCommand` judges. Payloads are the registration rows of `registrations.ts`, so the
 * checked shape is exactly the written shape.
 */

/** Deleting a person-owned row. */
export const deleteRefSchema = z.object({ id: rowId, personId: rowId })
export type DeleteRef = z.infer<typeof deleteRefSchema>

/**
 * A decision; a permanent stop (`INTRO_PERMANENT_STANS`) carries its ending in the same
 * save (R5.6), so the payload may hold one `ending`.
 */
export const decisionCommandPayloadSchema = decisionSchema.extend({ ending: endingSchema.nullish() })
export type DecisionCommandPayload = z.infer<typeof decisionCommandPayloadSchema>

/** Several measures added at once (D8.3). */
export const addMeasuresPayloadSchema = z.object({ personId: rowId, measures: z.array(measureSchema).min(1) })
/**
 * Editing one existing measure (D8.3): the whole row, its id kept, so the outbox sends the
 * replica's version as the base and the register answers a concurrent change as a conflict (A4).
 */
export const updateMeasurePayloadSchema = measureSchema
/** Replacing measures for a period (D8.3): each replacement lists the measures it replaces. */
export const replaceMeasuresPayloadSchema = z.object({ personId: rowId, replacements: z.array(replacementSchema).min(1) })

/**
 * Payload schema per command, keyed by its wire name (A2/A4): `<area>.<verb>`, the scheme
 * the contract uses (`persons.get`), so one name reaches the outbox, the register and the
 * screens. The area is the screen area of D6–D8 that owns the record: `norsk`, `intro`,
 * `asylnorsk`. Decisions, contacts and claims exist in both the intro and the norsk scheme
 * with the same fields and rules, and carry that scheme in the payload; naming them by the
 * record (`decision.register`) instead of splitting them per scheme keeps one schema and one
 * check each, and their R9 area is read from `payload.scheme` (`commandSpecs.permission`).
 * Weekly participation keeps its one name (`weeklyParticipation`) in the command too.
 */
export const commandPayloadSchemas = {
  'decision.register': decisionCommandPayloadSchema,
  'contact.register': contactSchema,
  'claim.register': claimSchema,
  'norsk.saveWeeklyParticipation': weeklyParticipationSchema,
  'norsk.deleteWeeklyParticipation': deleteRefSchema,
  'norsk.registerLanguageTrack': languageTrackSchema,
  // R12.3.2: every registration of the 2021 act, its kind in `fact` (area by kind, `checks/int2021.ts`).
  'int2021.register': int2021RegistrationSchema,
  'int2021.delete': deleteRefSchema,
  'intro.addMeasures': addMeasuresPayloadSchema,
  'intro.updateMeasure': updateMeasurePayloadSchema,
  'intro.deleteMeasure': deleteRefSchema,
  'intro.replaceMeasures': replaceMeasuresPayloadSchema,
  'intro.registerAbsence': absenceSchema,
  'intro.registerHoliday': holidaySchema,
  'intro.registerParentalLeaveAbsence': parentalLeaveAbsenceSchema,
  'intro.registerEnding': endingSchema,
  'asylnorsk.saveWeeklyParticipation': asylnorskParticipationSchema,
  'asylnorsk.registerOffer': asylnorskOfferSchema,
  // Issue 10 point 3: a participant certificate handed out, recorded when it is downloaded or printed.
  'certificates.recordIssue': certificateIssueSchema,
} as const

type PayloadSchemas = typeof commandPayloadSchemas
/** The wire name of a command. */
export type CommandType = keyof PayloadSchemas
/** One caseworker command, discriminated by `type`. */
export type Command = { [K in CommandType]: { type: K; payload: z.infer<PayloadSchemas[K]> } }[CommandType]
/** The payload of one command type. */
export type CommandPayload<T extends CommandType> = Extract<Command, { type: T }>['payload']
export const commandTypes = Object.keys(commandPayloadSchemas) as CommandType[]

const options = commandTypes.map((type) => z.object({ type: z.literal(type), payload: commandPayloadSchemas[type] }))
/** Parses any command; the discriminator keeps a wrong payload's issues under its own fields. */
export const commandSchema = z.discriminatedUnion('type', options as [(typeof options)[number], ...(typeof options)[number][]]) as unknown as z.ZodType<Command>

/**
 * Commands with no rules check that travel the same outbox (D12 audit): a person read and a
 * confirmed mass scope exit (A4). The register records them; nothing on the replica changes.
 */
export const auditCommandPayloadSchemas = {
  'audit.read': z.object({ personId: rowId }),
  'audit.scopeExitsConfirmed': z.object({ count: z.number().int().min(0), total: z.number().int().min(0) }),
} as const
type AuditPayloadSchemas = typeof auditCommandPayloadSchemas
export type AuditCommandType = keyof AuditPayloadSchemas
export type AuditCommand = { [K in AuditCommandType]: { type: K; payload: z.infer<AuditPayloadSchemas[K]> } }[AuditCommandType]
/** Anything the outbox carries: a checked command or an audit record. */
export type OutboxCommand = Command | AuditCommand
