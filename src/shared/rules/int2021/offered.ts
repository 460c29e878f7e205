import type { DecisionType } from '../../domain/registrations'
import type { SchemeStatus } from '../../domain/scheme'
import type { Category2021 } from './norsk'
import { INTEGRERING_2021, type RegimeId } from './regimes'

/** R12.0.5 / R12.3.1 / R12.3.3: which Norwegian decisions the 2021 act offers. */
export const regime = INTEGRERING_2021

const BASE: Record<string, DecisionType> = { rett_og_plikt: 'NORSK_RETT_OG_PLIKT', plikt: 'NORSK_PLIKT', rett: 'NORSK_RETT' }

/**
 * R4's offer by status with the 2021 types: the category's base type (6A: `NORSK_RETT`) in
 * `kategori_berekna`/`avslag` while the category is not closed; exemptions (§ 29, for every
 * permit date — chapter 6A has no social-studies part) in every status but `avslutta`;
 * postponed start in `kategori_berekna`/`vedtak_fatta`; leave in `deltar`. Never
 * `NORSK_BEHOVSPROVD` and never `NORSK_RETT` outside 6A (R12.0.5); no automatic hours.
 */
export function offeredNorsk2021(regimeId: RegimeId, category: Pick<Category2021, 'kind' | 'displayState'> | null, status: SchemeStatus | null): DecisionType[] {
  if (!category || status === null || regimeId === 'INTRO_2003') return []
  const is6A = regimeId === 'INT_6A'
  const out: DecisionType[] = []
  const base = BASE[category.kind]
  const fits = is6A ? base === 'NORSK_RETT' : base !== 'NORSK_RETT'
  if (base && fits && category.displayState !== 'ikkje_gjeldande' && (status === 'kategori_berekna' || status === 'avslag')) out.push(base)
  if (status !== 'avslutta')
    out.push(...(is6A ? (['NORSK_FRITAK_NORSK', 'NORSK_FRITAK_PROVE'] as const) : (['NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN', 'NORSK_FRITAK_PROVE'] as const)))
  if (status === 'kategori_berekna' || status === 'vedtak_fatta') out.push('NORSK_UTSETT_OPPSTART')
  if (status === 'deltar') out.push('NORSK_PERMISJON')
  return out
}
