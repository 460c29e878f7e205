import { z } from 'zod'
import { rowId } from './common'
import {
  absenceSchema,
  asylnorskOfferSchema,
  asylnorskParticipationSchema,
  claimSchema,
  contactSchema,
  decisionSchema,
  endingSchema,
  holidaySchema,
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
/** Replacing measures for a period (D8.3): each replacement lists the measures it replaces. */
export const replaceMeasuresPayloadSchema = z.object({ personId: rowId, replacements: z.array(replacementSchema).min(1) })

const cmd = <T extends string, P extends z.ZodTypeAny>(type: T, payload: P) => z.object({ type: z.literal(type), payload })

export const commandSchema = z.discriminatedUnion('type', [
  cmd('registerDecision', decisionCommandPayloadSchema),
  cmd('registerContact', contactSchema),
  cmd('registerClaim', claimSchema),
  cmd('saveWeek', weeklyParticipationSchema),
  cmd('deleteWeek', deleteRefSchema),
  cmd('addMeasures', addMeasuresPayloadSchema),
  cmd('deleteMeasure', deleteRefSchema),
  cmd('replaceMeasures', replaceMeasuresPayloadSchema),
  cmd('registerAbsence', absenceSchema),
  cmd('registerHoliday', holidaySchema),
  cmd('registerParentalLeaveAbsence', parentalLeaveAbsenceSchema),
  cmd('registerEnding', endingSchema),
  cmd('registerLanguageTrack', languageTrackSchema),
  cmd('saveAsylnorskWeek', asylnorskParticipationSchema),
  cmd('registerAsylnorskOffer', asylnorskOfferSchema),
])
/** One caseworker command, discriminated by `type`. */
export type Command = z.infer<typeof commandSchema>
export type CommandType = Command['type']
/** The payload of one command type. */
export type CommandPayload<T extends CommandType> = Extract<Command, { type: T }>['payload']
export const commandTypes = commandSchema.options.map((o) => o.shape.type.value) as CommandType[]
