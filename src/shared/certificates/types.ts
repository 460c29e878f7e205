import type { IsoDate } from '../calendar'
import type { RegimeId } from '../rules/int2021/regimes'

/** The two schemes a participant certificate is issued for (D10). */
export type CertificateScheme = 'norsk' | 'intro'
export type CertificateLanguage = 'nb' | 'nn'

/**
 * Layout and wording version of the certificate. The issuance record stores it beside the
 * language (issue 10 point 3), so a reissue can tell what the earlier paper said; bump it
 * whenever a text or an item of the document changes.
 */
export const CERTIFICATE_VERSION = 1

/** Who issues the certificate: the municipality (from settings) and the signing caseworker. */
export interface CertificateIssuer {
  municipalityName: string
  /** Place of issue, printed before the date ("Bergen, 01.12.2026"). */
  place: string
  /** Date of issue; the period of an ongoing programme runs to it. */
  date: IsoDate
  caseworkerName: string
  caseworkerTitle: string
}

/** One label–value line of a section, as printed. */
export interface CertificateRow {
  label: string
  value: string
}

export interface CertificateSection {
  heading: string
  rows: CertificateRow[]
}

/** One measure of the introduction programme, as printed in the table (D8.3). */
export interface CertificateMeasure {
  code: string
  groupCode: string
  name: string
  group: string
  from: IsoDate
  to: IsoDate
  hoursPerWeek: number
  /** A replacing measure (R5.4) rather than one of the plan's. */
  replacement: boolean
}

/** The figures behind the printed text, for the UI's preview and the issuance record. */
export interface NorskFacts {
  /** Hours category of the 2003 act (R3.4): null under the 2021 act, which has none. */
  hoursCategory: { total: number; norwegian: number; socialStudies: number } | null
  /** Sum of granted needs-based hours (NORSK_BEHOVSPROVD), or null when none were granted. */
  needsBasedHours: number | null
  /** Under the 2021 act: the norskmål as the rules logged it (R12.2.6), e.g. `B1/B1/A2/B1`. */
  norskGoal: string | null
  /** Under the 2021 act: the best level reached per part of Norskprøven, or null per part. */
  levelsReached: Record<'lytting' | 'lesing' | 'skriftleg' | 'munnleg', string | null> | null
  /** Registered hours (R6.1 / R11.10: one row per ISO week). */
  norwegianHours: number
  socialStudiesHours: number
  /** The latest training track code (R6.5), or null. */
  track: string | null
}

export interface IntroFacts {
  measures: CertificateMeasure[]
  ending: { date: IsoDate; reasonCode: string; workHoursPerWeek: number | null } | null
  /** The completion deadline the screens show (`introCompletion`), or null when none is computed. */
  plannedEnd: IsoDate | null
  endedEarly: boolean
  /** Days from the programme start to its end over days to the planned end, when ended early. */
  completed: { days: number; plannedDays: number; percent: number } | null
}

/** The document, resolved into one language: what the PDF prints and the preview shows. */
export interface CertificateContent {
  version: typeof CERTIFICATE_VERSION
  scheme: CertificateScheme
  lang: CertificateLanguage
  /** The act the scheme falls under: the evaluation's regime (R12.0), else the act in force at the start. */
  regime: RegimeId
  title: string
  issuedBy: string
  person: { name: string; birthDate: IsoDate; duf: string }
  period: { from: IsoDate; to: IsoDate | null }
  sections: CertificateSection[]
  /** The intro measures table (columns and rows as printed); null for Norwegian training. */
  measuresTable: { heading: string; columns: [string, string, string, string]; rows: [string, string, string, string][]; empty: string } | null
  /** Sections printed after the measures table (the ending). */
  sectionsAfterTable: CertificateSection[]
  closing: { placeAndDate: string; signatureLabel: string; caseworkerName: string; caseworkerTitle: string }
  footer: string
  /** "Side {n} av {total}" with `{n}` and `{total}` left for the renderer. */
  pageLabel: string
  norsk: NorskFacts | null
  intro: IntroFacts | null
}
