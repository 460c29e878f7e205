import type { DecisionType } from '../../domain/registrations'
import type { DecisionScheme, SchemeStatus } from '../../domain/scheme'
import type { PersonSnapshot } from '../../domain/snapshot'
import type { Category } from '../categories'
import { paramValue } from '../parameters'
import { offeredNorsk2021 } from '../int2021/offered'
import type { RegimeId } from '../int2021/regimes'
import { latestPermitWhere } from '../queries'

/** What R4's table needs to know about one scheme of the person. */
export interface SchemeView {
  /** R4 status (`kategori_berekna`, `vedtak_fatta`, `deltar`, `permisjon`, `stansa`, `avslutta`, `avslag`, `friteken`), or null without a category. */
  status: string | null
  /** The scheme's category, or null. */
  category: Category | null
  /** R12.0: the regime of intro and norsk (`INTRO_2003` when absent); 2021 offers its own set (R12.0.5). */
  regime?: RegimeId | null
}

/** Base Norwegian decision type by category kind (R4: "by category"). */
const NORSK_BASE_BY_KIND: Partial<Record<Category['kind'], DecisionType>> = {
  rett_og_plikt: 'NORSK_RETT_OG_PLIKT',
  rett: 'NORSK_RETT',
  plikt: 'NORSK_PLIKT',
}

/** A category a new course may start on: not closed. */
function open(c: Category | null): c is Category {
  return c !== null && c.displayState !== 'ikkje_gjeldande'
}

/**
 * R4 for Norwegian: the base type of the category in `kategori_berekna`/`avslag`;
 * needs-based in `deltar`/`avslutta` for `rett`/`rett og plikt`; exemptions in any status
 * but `avslutta` (the social-studies exemption only for permits granted from 2016);
 * postponed start in `kategori_berekna`/`vedtak_fatta`; leave in `deltar`.
 */
function offeredNorsk(s: PersonSnapshot, v: SchemeView): DecisionType[] {
  const c = v.category
  if (v.regime === 'INTEGRERING_2021' || v.regime === 'INT_6A') return offeredNorsk2021(v.regime, c, v.status as SchemeStatus | null)
  if (!c || v.status === null) return []
  const st = v.status
  const out: DecisionType[] = []
  const base = NORSK_BASE_BY_KIND[c.kind]
  if (base && open(c) && (st === 'kategori_berekna' || st === 'avslag')) out.push(base)
  if ((c.kind === 'rett' || c.kind === 'rett_og_plikt') && (st === 'deltar' || st === 'avslutta')) out.push('NORSK_BEHOVSPROVD')
  if (st !== 'avslutta') {
    out.push('NORSK_FRITAK_NORSK')
    const permit = latestPermitWhere(s, (g) => g.norskGroup !== null)
    if (permit && permit.grantedDate >= paramValue('norskSocialExemptionFrom', permit.grantedDate)) out.push('NORSK_FRITAK_SAMFUNN')
    out.push('NORSK_FRITAK_PROVE')
  }
  if (st === 'kategori_berekna' || st === 'vedtak_fatta') out.push('NORSK_UTSETT_OPPSTART')
  if (st === 'deltar') out.push('NORSK_PERMISJON')
  return out
}

/**
 * R4 for the programme: INTRO_PROGRAM in `kategori_berekna`/`avslag` (category `rett og
 * plikt` or `kan tilbydast`, not closed); leave, extended participation and temporary stop
 * in `deltar`; permanent stop in `deltar`/`stansa`.
 */
function offeredIntro(v: SchemeView): DecisionType[] {
  const st = v.status
  if (!v.category || st === null) return []
  const out: DecisionType[] = []
  if (open(v.category) && (st === 'kategori_berekna' || st === 'avslag')) out.push('INTRO_PROGRAM')
  if (st === 'deltar') out.push('INTRO_PERMISJON', 'INTRO_UTVIDA_DELTAKING', 'INTRO_MIDLERTIDIG_STANS')
  if (st === 'deltar' || st === 'stansa') out.push('INTRO_PERMANENT_STANS')
  return out
}

/** R4: the decision types offered for a scheme, in the table's order. */
export function offeredFor(s: PersonSnapshot, scheme: DecisionScheme, v: SchemeView): DecisionType[] {
  return scheme === 'norsk' ? offeredNorsk(s, v) : offeredIntro(v)
}
