import type { CodeListEntry } from '../domain/code-list'
import type { DecisionScheme, SchemeStatus } from '../domain/scheme'
import { listOf, type Row } from './entry'

/** A scheme status of rules.md R4 (declared once, in `domain/scheme.ts`). */
export type { SchemeStatus } from '../domain/scheme'

/**
 * Attributes of a decision type (rules.md R4 table), kept in `data`. `requiredFields` are
 * needed on every decision of the type; `requiredOnGrant` only when `result = innvilga`;
 * `requiredOnRefusal` only when `result = avslag` (every refusal needs a reason).
 */
export interface DecisionTypeData {
  scheme: DecisionScheme
  offeredWhen: SchemeStatus[]
  requiredFields: string[]
  requiredOnGrant: string[]
  requiredOnRefusal: string[]
  /** Norwegian category the decision belongs to, for the three category decisions. */
  category?: 'rett_og_plikt' | 'rett' | 'plikt'
  /** Only for persons whose permit was granted on or after this date. */
  permitGrantedFrom?: string
}

const ANY_BUT_ENDED: SchemeStatus[] = ['kategori_berekna', 'vedtak_fatta', 'deltar', 'permisjon', 'stansa', 'avslag', 'friteken']
const BASE = ['result', 'decisionDate']

function type(code: string, nb: string, nn: string, d: Partial<DecisionTypeData> & Pick<DecisionTypeData, 'scheme' | 'offeredWhen'>): Row {
  const data: DecisionTypeData = {
    requiredFields: BASE,
    requiredOnGrant: [],
    requiredOnRefusal: ['reason'],
    ...d,
  }
  return { code, nb, nn, data: { ...data } }
}

function norskCategory(code: string, name: string, category: DecisionTypeData['category']): Row {
  return type(code, name, name, {
    scheme: 'norsk',
    offeredWhen: ['kategori_berekna', 'avslag'],
    requiredOnGrant: ['startDate'],
    category,
  })
}

/** R4 initial list. */
export const decisionTypes: CodeListEntry[] = listOf('decisionType', [
  norskCategory('NORSK_RETT_OG_PLIKT', 'Rett og plikt til opplæring i norsk og samfunnskunnskap', 'rett_og_plikt'),
  norskCategory('NORSK_RETT', 'Rett til opplæring i norsk og samfunnskunnskap', 'rett'),
  norskCategory('NORSK_PLIKT', 'Plikt til opplæring i norsk og samfunnskunnskap', 'plikt'),
  type('NORSK_BEHOVSPROVD', 'Behovsprøvd opplæring i norsk', 'Behovsprøvd opplæring i norsk', {
    scheme: 'norsk',
    offeredWhen: ['deltar', 'avslutta'],
    requiredFields: [...BASE, 'hours', 'startDate'],
  }),
  type('NORSK_FRITAK_NORSK', 'Fritak fra opplæring i norsk', 'Fritak frå opplæring i norsk', {
    scheme: 'norsk',
    offeredWhen: ANY_BUT_ENDED,
    requiredFields: [...BASE, 'reason'],
  }),
  type('NORSK_FRITAK_SAMFUNN', 'Fritak fra opplæring i samfunnskunnskap', 'Fritak frå opplæring i samfunnskunnskap', {
    scheme: 'norsk',
    offeredWhen: ANY_BUT_ENDED,
    requiredFields: [...BASE, 'reason'],
    permitGrantedFrom: '2016-01-01',
  }),
  type('NORSK_FRITAK_PROVE', 'Fritak fra avsluttende prøver', 'Fritak frå avsluttande prøver', {
    scheme: 'norsk',
    offeredWhen: ANY_BUT_ENDED,
    requiredFields: [...BASE, 'reason'],
  }),
  type('NORSK_UTSETT_OPPSTART', 'Utsatt oppstart', 'Utsett oppstart', {
    scheme: 'norsk',
    offeredWhen: ['kategori_berekna', 'vedtak_fatta'],
    requiredFields: [...BASE, 'startDate', 'endDate', 'reason'],
  }),
  type('NORSK_PERMISJON', 'Permisjon fra opplæring i norsk', 'Permisjon frå opplæring i norsk', {
    scheme: 'norsk',
    offeredWhen: ['deltar'],
    requiredFields: [...BASE, 'startDate', 'endDate', 'leaveType'],
  }),
  type('INTRO_PROGRAM', 'Introduksjonsprogram', 'Introduksjonsprogram', {
    scheme: 'intro',
    offeredWhen: ['kategori_berekna', 'avslag'],
    requiredOnGrant: ['startDate'],
  }),
  type('INTRO_PERMISJON', 'Permisjon fra introduksjonsprogram', 'Permisjon frå introduksjonsprogram', {
    scheme: 'intro',
    offeredWhen: ['deltar'],
    requiredFields: [...BASE, 'startDate', 'endDate', 'leaveType', 'unit'],
  }),
  type('INTRO_UTVIDA_DELTAKING', 'Utvidet deltakelse', 'Utvida deltaking', {
    scheme: 'intro',
    offeredWhen: ['deltar'],
    requiredFields: [...BASE, 'reason'],
  }),
  type('INTRO_MIDLERTIDIG_STANS', 'Midlertidig stans', 'Mellombels stans', {
    scheme: 'intro',
    offeredWhen: ['deltar'],
    requiredFields: [...BASE, 'startDate', 'endDate'],
  }),
  type('INTRO_PERMANENT_STANS', 'Permanent stans', 'Permanent stans', {
    scheme: 'intro',
    offeredWhen: ['deltar', 'stansa'],
  }),
])
