import type { PersonView } from '../api/persons'
import type { Reason } from '../api/result'
import { formatNorwegianDate } from '../calendar/format'
import type { CodeListEntry } from '../domain'
import { certificates } from '../i18n/messages/certificates'
import { initialCodeLists } from '../reference/initial-code-lists'
import { snapshotFromBase } from '../rules/snapshot-builder'
import { tookPart } from '../rules/checks/certificate'
import { REGIMES, type RegimeId } from '../rules/int2021/regimes'
import { introPart } from './intro'
import { fill, formatHours, periodText, type PartContext } from './part'
import { norskPart } from './norsk'
import { CERTIFICATE_VERSION, type CertificateContent, type CertificateIssuer, type CertificateLanguage, type CertificateScheme } from './types'

/** Options of `certificateContent`. */
export interface CertificateOptions {
  /**
   * The code lists the screens name codes with (measures, end reasons, tracks). Default: the
   * initial reference data, so a preview works before the first sync has brought any.
   */
  codeLists?: readonly CodeListEntry[]
}

/**
 * The participant certificate (*deltakarbevis*, D10, issue 10 point 2) of one person for one
 * scheme, resolved into `lang`: person, municipality, scheme and the act it falls under,
 * period, what was completed, place and date, signature line. Pure: every figure comes from
 * the person's view (`persons.get`) and the same rules functions the screens use. Refused
 * (`CERTIFICATE_NOT_PARTICIPATED` on `scheme`) when the person never took part in the scheme:
 * no registered hours of Norwegian or social studies, or no granted introduction programme
 * that had started by the date of issue. Test results are not printed (they have their own
 * certificates); under the 2021 act only the levels reached per part are, as the act asks.
 */
export function certificateContent(
  view: PersonView,
  scheme: CertificateScheme,
  lang: CertificateLanguage,
  issuer: CertificateIssuer,
  options: CertificateOptions = {},
): CertificateContent | { refused: Reason[] } {
  const t = certificates[lang]
  const codeLists = options.codeLists ?? initialCodeLists
  const snapshot = snapshotFromBase(view.bundle, codeLists)
  const evaluated = view.evaluation.regime.introNorsk.regime
  const ctx: PartContext = {
    view,
    snapshot,
    t,
    lang,
    issuer,
    codeName: (list, code) => {
      const e = codeLists.find((x) => x.list === list && x.code === code)
      return e ? (lang === 'nn' ? e.nameNn : e.nameNb) : code
    },
    date: (d) => formatNorwegianDate(d),
    hours: (n) => formatHours(n),
    // R12.0: the evaluation's regime; a person without one (no qualifying permit, e.g. a
    // paying participant) falls under the act in force when the scheme started.
    regimeAt: (start) => evaluated ?? regimeInForce(start),
  }
  // The same predicate the register judges `certificates.recordIssue` by (issue 10 point 3).
  const part = tookPart(snapshot, scheme, issuer.date) ? (scheme === 'norsk' ? norskPart(ctx) : introPart(ctx)) : null
  if (!part) return { refused: [{ code: 'CERTIFICATE_NOT_PARTICIPATED', field: 'scheme', values: { scheme } }] }
  const p = view.bundle.person
  const name = [p.firstName, p.middleName, p.lastName].filter((x) => x && x.trim()).join(' ')
  const regime = ctx.regimeAt(part.period.from)
  const schemeSection = {
    heading: t.sections.scheme,
    rows: [
      { label: t.labels.scheme, value: t.schemes[scheme] },
      { label: t.labels.legalBasis, value: t.acts[regime][scheme] },
      { label: t.labels.period, value: periodText(ctx, part.period) },
    ],
  }
  return {
    version: CERTIFICATE_VERSION,
    scheme,
    lang,
    regime,
    title: t.title[scheme],
    issuedBy: fill(t.issuedBy, { municipality: issuer.municipalityName }),
    person: { name, birthDate: p.birthDate, duf: p.duf },
    period: part.period,
    sections: [
      {
        heading: t.sections.person,
        rows: [
          { label: t.labels.name, value: name },
          { label: t.labels.birthDate, value: ctx.date(p.birthDate) },
          { label: t.labels.duf, value: p.duf },
        ],
      },
      schemeSection,
      ...part.sections,
    ],
    measuresTable: part.measuresTable,
    sectionsAfterTable: part.sectionsAfterTable,
    closing: {
      placeAndDate: fill(t.placeDate, { place: issuer.place, date: ctx.date(issuer.date) }),
      signatureLabel: t.signature,
      caseworkerName: issuer.caseworkerName,
      caseworkerTitle: issuer.caseworkerTitle,
    },
    footer: t.footer,
    pageLabel: t.page,
    norsk: part.norsk,
    intro: part.intro,
  }
}

/** True when `certificateContent` refused. */
export function isRefused(c: CertificateContent | { refused: Reason[] }): c is { refused: Reason[] } {
  return 'refused' in c
}

/** The act in force on `date` (R12.0.2: the switch date), never the 6A variant. */
function regimeInForce(date: string): RegimeId {
  let hit: RegimeId = 'INTRO_2003'
  for (const r of REGIMES) if (r.variantOf === null && r.inForceFrom <= date) hit = r.id
  return hit
}
