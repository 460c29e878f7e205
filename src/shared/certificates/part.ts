import type { PersonView } from '../api/persons'
import type { CodeListEntry, PersonSnapshot } from '../domain'
import type { CertificateTexts } from '../i18n/messages/certificates'
import type { RegimeId } from '../rules/int2021/regimes'
import type { CertificateContent, CertificateIssuer, CertificateLanguage } from './types'

/** What a part (norsk or intro) gives the document. */
export type PartResult = Pick<CertificateContent, 'period' | 'sections' | 'measuresTable' | 'sectionsAfterTable' | 'norsk' | 'intro'>

/** Shared helpers the parts use to print in the chosen language. */
export interface PartContext {
  view: PersonView
  snapshot: PersonSnapshot
  t: CertificateTexts
  lang: CertificateLanguage
  issuer: CertificateIssuer
  /** Name of a code in the chosen language; the code itself when the list lacks it. */
  codeName: (list: CodeListEntry['list'], code: string) => string
  date: (d: string) => string
  hours: (n: number) => string
  /** The act for the scheme's texts, once the part knows its start. */
  regimeAt: (start: string) => RegimeId
}

/** `{name}` placeholders filled from `values`. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m))
}

/** Hours as the screens print them: comma decimal, at most two decimals, no grouping. */
export function formatHours(n: number): string {
  return new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2, useGrouping: false }).format(n)
}

export function periodText(ctx: PartContext, period: { from: string; to: string | null }): string {
  return period.to === null ? fill(ctx.t.periodOpen, { from: ctx.date(period.from) }) : fill(ctx.t.periodRange, { from: ctx.date(period.from), to: ctx.date(period.to) })
}
