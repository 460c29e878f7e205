import type { CertificateEntry, CertificatePendingRow, PersonView, RenderedCertificate, Result } from '../../shared/api'
import { fail, failWith, ok } from '../../shared/api'
import { certificateContent, isRefused, type CertificateIssuer, type CertificateLanguage, type CertificateScheme } from '../../shared/certificates'
import { osloDateOfMs } from '../../shared/rules/window'
import { renderCertificatePdf } from '../certificates/pdf'
import { eq } from 'drizzle-orm'
import type { CodeListEntry } from '../../shared/domain'
import * as t from '../db/schema'
import { toDomain } from '../db/entities'
import type { OutboxRow } from '../db/schema'
import { openProblemRows, unsentRows } from '../sync/problems'
import type { ActiveSession, AreaHandlers, ServiceContext } from './context'
import { evaluateOnDevice, introPlanOnDevice } from './evaluation'
import { withPersonAccess } from './guard'
import { findPerson, loadBundle, municipalityNames } from './person-rows'

const SCHEMES: CertificateScheme[] = ['norsk', 'intro']

/**
 * Participant certificates (*deltakarbevis*, D10, issue 10 points 1 and 4): made on the device
 * from the replica, with no network. The content is `certificateContent` of the same
 * `PersonView` the screens show; the PDF is `renderCertificatePdf`.
 */
export function certificatesHandlers(ctx: ServiceContext) {
  return {
    'certificates.list': (input) =>
      withPersonAccess(ctx, 'personId', (s): Result<CertificateEntry[]> => {
        const view = viewOf(s, input.personId, ctx.now())
        if (!view) return fail('PERSON_NOT_FOUND', 'personId')
        const issuer = issuerOf(s, ctx.now())
        const codeLists = codeListsOf(s)
        return ok(
          SCHEMES.map((scheme) => {
            const pending = pendingRows(s, input.personId, scheme)
            const c = certificateContent(view, scheme, 'nb', issuer, { codeLists })
            return isRefused(c) ? { scheme, refused: c.refused, pending } : { scheme, available: true as const, pending }
          }),
        )
      }),
    'certificates.render': (input) =>
      withPersonAccess(ctx, 'personId', async (s): Promise<Result<RenderedCertificate>> => {
        const now = ctx.now()
        const view = viewOf(s, input.personId, now)
        if (!view) return fail('PERSON_NOT_FOUND', 'personId')
        const issuer = issuerOf(s, now)
        const content = certificateContent(view, input.scheme, input.lang, issuer, { codeLists: codeListsOf(s) })
        if (isRefused(content)) return failWith(content.refused)
        // Issue 10 point 4: a certificate made while the scheme's registrations have not reached
        // the register may say what the register does not know; the caseworker decides.
        const pending = pendingRows(s, input.personId, input.scheme)
        if (pending.length && input.issueAnyway !== true) {
          return fail('CERTIFICATE_PENDING_SYNC', 'issueAnyway', { count: pending.length, which: [...new Set(pending.map((p) => p.command))].join(', ') })
        }
        const pdf = await renderCertificatePdf(content)
        return ok({ fileName: fileNameOf(input.scheme, input.lang, view, issuer.date), pdfBase64: Buffer.from(pdf).toString('base64'), content })
      }),
  } satisfies AreaHandlers<'certificates'>
}

/** The person as `persons.get` shows them (bundle, evaluation, plan); the sync marks are not printed. */
function viewOf(s: ActiveSession, personId: string, now: Date): PersonView | null {
  const p = findPerson(s.replica, personId)
  if (!p) return null
  const bundle = loadBundle(s.replica, p)
  const names = municipalityNames(s.replica)
  return {
    bundle,
    evaluation: evaluateOnDevice(s.replica, bundle, now),
    introPlan: introPlanOnDevice(bundle),
    municipalityName: names.get(p.followUpMunicipality) ?? p.followUpMunicipality,
    districtName: null,
    cachedReadOnly: p.cachedReadOnly,
    inPersonList: false,
    syncMarks: {},
    registerChanged: [],
    keptAfterScopeExit: p.keptAfterScopeExit,
  }
}

/**
 * The issuing municipality is the signing caseworker's (the user's), place = its name, date =
 * today in Oslo. Users carry no title yet: an empty title prints an empty line to fill in by hand.
 */
function issuerOf(s: ActiveSession, now: Date): CertificateIssuer {
  const name = municipalityNames(s.replica).get(s.user.municipality) ?? s.user.municipality
  return {
    municipalityName: name,
    place: name.replace(/\s+kommune$/i, ''),
    date: osloDateOfMs(now.getTime()),
    caseworkerName: s.user.displayName,
    caseworkerTitle: '',
  }
}

/**
 * Every code list of the replica, so measures, end reasons and tracks print with the names the
 * screens show (`reference.codeList`); a replica that has none yet falls back to the initial lists.
 */
function codeListsOf(s: ActiveSession): CodeListEntry[] | undefined {
  const rows = s.replica.db.select().from(t.codeLists).where(eq(t.codeLists.deleted, false)).all()
  return rows.length ? rows.map((r) => toDomain<CodeListEntry>(r)) : undefined
}

/** The scheme a command's registration belongs to (decisions, contacts and claims carry it in the payload). */
function schemeOfRow(r: OutboxRow): CertificateScheme | null {
  const area = r.command.split('.')[0]
  if (area === 'norsk' || area === 'intro') return area
  if (area === 'decision' || area === 'contact' || area === 'claim') {
    try {
      const scheme = (JSON.parse(r.payload) as { scheme?: unknown }).scheme
      return scheme === 'norsk' || scheme === 'intro' ? scheme : null
    } catch {
      return null
    }
  }
  return null
}

/** Issue 10 point 4: the person's registrations of the scheme that are unsent, or refused/conflicting and unresolved. */
function pendingRows(s: ActiveSession, personId: string, scheme: CertificateScheme): CertificatePendingRow[] {
  const rows = [...unsentRows(s.replica.db, personId), ...openProblemRows(s.replica.db, personId)].sort((a, b) => a.seq - b.seq)
  return rows
    .filter((r) => schemeOfRow(r) === scheme)
    .map((r) => ({ id: r.id, command: r.command, payload: JSON.parse(r.payload) as unknown, recordedAt: r.recordedAt, state: r.state as CertificatePendingRow['state'] }))
}

/** `deltakarbevis-norsk-<DUF>-<date>-nn.pdf`: no name in the file name (it may be shared in mail or on disk). */
function fileNameOf(scheme: CertificateScheme, lang: CertificateLanguage, view: PersonView, date: string): string {
  const duf = (view.bundle.person.duf ?? view.bundle.person.id).replace(/[^0-9A-Za-z-]/g, '')
  return `deltakarbevis-${scheme}-${duf}-${date}-${lang}.pdf`
}
