import type { IsoDate } from '../../calendar'

/**
 * R12.0: the regimes (sets of rules) the rules module knows. Every rule module of a regime
 * exports `regime` naming the descriptor it belongs to, so the next law change is a new dated
 * regime beside these, not edits scattered through the old one.
 */
export type RegimeId = 'INTRO_2003' | 'INTEGRERING_2021' | 'INT_6A'

export interface RegimeDescriptor {
  id: RegimeId
  /** The act the rules implement. */
  act: string
  /** First day the act applies to (for 2021: permits granted or arrivals from this day, R12.0.2). */
  inForceFrom: IsoDate
  /** The regime this one is a variant of (chapter 6A of the 2021 act), or null. */
  variantOf: RegimeId | null
}

/** The introduction act (introduksjonsloven, LOV-2003-07-04-80), in force 2003-09-01. */
export const INTRO_2003: RegimeDescriptor = { id: 'INTRO_2003', act: 'LOV-2003-07-04-80', inForceFrom: '2003-09-01', variantOf: null }

/** The integration act (integreringsloven, LOV-2020-11-06-127), R12.0.2 / R12.4 `REGIME_SWITCH_DATE`. */
export const INTEGRERING_2021: RegimeDescriptor = { id: 'INTEGRERING_2021', act: 'LOV-2020-11-06-127', inForceFrom: '2021-01-01', variantOf: null }

/** Chapter 6A of the integration act (collective protection, § 34), R12.0.3 / R12.4 `INT_6A.firstGrantDate`. */
export const INT_6A: RegimeDescriptor = { id: 'INT_6A', act: 'LOV-2020-11-06-127 kap. 6A', inForceFrom: '2022-03-11', variantOf: 'INTEGRERING_2021' }

export const REGIMES: readonly RegimeDescriptor[] = [INTRO_2003, INTEGRERING_2021, INT_6A]

/** R12.0.5: whether a person's regime is the 2021 act (chapter 6A included), where the 2021-only fields and rules apply. */
export function is2021Regime(id: RegimeId | null | undefined): id is 'INTEGRERING_2021' | 'INT_6A' {
  return id === 'INTEGRERING_2021' || id === 'INT_6A'
}
