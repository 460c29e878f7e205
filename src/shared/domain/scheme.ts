import { z } from 'zod'

/**
 * The schemes (ordningar) of the register, one name in every layer (style.md 2): the
 * introduction programme, Norwegian training and training for asylum seekers (D4, D6–D8).
 * Categories, statuses and deadlines exist per `Scheme`.
 */
export const schemes = ['intro', 'norsk', 'asylnorsk'] as const
export const schemeSchema = z.enum(schemes)
export type Scheme = z.infer<typeof schemeSchema>

/** The schemes that carry decisions, contacts and claims (D6.1–D6.3, D8.1). */
export const decisionSchemes = ['intro', 'norsk'] as const satisfies readonly Scheme[]
export const decisionSchemeSchema = z.enum(decisionSchemes)
export type DecisionScheme = z.infer<typeof decisionSchemeSchema>

/**
 * R4 status of a scheme. `ingen`: neither a current category nor a decision — nothing to do.
 * Asylnorsk uses `ingen`, `kategori_berekna`, `deltar` and `avslutta` only.
 */
export const schemeStatuses = ['ingen', 'kategori_berekna', 'vedtak_fatta', 'deltar', 'permisjon', 'stansa', 'avslutta', 'avslag', 'friteken'] as const
export const schemeStatusSchema = z.enum(schemeStatuses)
export type SchemeStatus = z.infer<typeof schemeStatusSchema>
