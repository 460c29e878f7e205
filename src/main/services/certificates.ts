import type { CertificateEntry, CertificatePendingRow, PersonView, RenderedCertificate, Result } from '../../shared/api'
import { fail, failWith, ok } from '../../shared/api'
import { CERTIFICATE_VERSION, certificateContent, isRefused, type CertificateIssuer, type CertificateLanguage, type CertificateScheme } from '../../shared/certificates'
import { osloDateOfMs } from '../../shared/rules/window'
import { renderCertificatePdf } from '../certificates/pdf'
import { eq } from 'drizzle-orm'
import type { CertificateIssue, CodeListEntry } from '../../shared/domain'
import * as t from '../db/schema'
import { toDomain } from '../db/entities'
import type { OutboxRow } from '../db/schema'
import { openProblemRows, unsentRows } from '../sync/problems'
import type { ActiveSession, AreaHandlers, ServiceContext } from './context'
import { evaluateOnDevice, introPlanOnDevice } from './evaluation'
import { withPersonAccess } from './guard'
import { mutating } from './mutating'
import { findPerson, loadBundle, municipalityNames } from './person-rows'
import { uuidv7 } from './uuid7'

const SCHEMES: CertificateScheme[] = ['norsk', 'intro']

/**
 * Participant certificates (*deltakarbevis*, D10, issue 10 points 1, 3 and 4): made on the device
 * from the replica, with no network. The content is `certificateContent` of the same
 * `PersonView` the screens show; the PDF is `renderCertificatePdf`. Issuing one (download or
 * print) records `certificates.recordIssue` through the one write path before the PDF is handed
 * over, so the register learns what was handed out at the next sync; a preview records nothing.
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
            const issued = issuedOf(view, scheme)
            const c = certificateContent(view, scheme, 'nb', issuer, { codeLists })
            return isRefused(c) ? { scheme, refused: c.refused, pending, issued } : { scheme, available: true as const, pending, issued }
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
        const fileName = fileNameOf(input.scheme, input.lang, view, issuer.date)
        if (!input.issue)
          return ok({
            fileName,
            pdfBase64: Buffer.from(await renderCertificatePdf(content, { logoPng: ctx.options.certificateLogoPng })).toString('base64'),
            content,
            issued: null,
          })
        // Issue 10 point 4: a certificate handed out while the scheme's registrations have not
        // reached the register may say what the register does not know; the caseworker decides.
        // A preview is not handed out, so it is never held back.
        const pending = pendingRows(s, input.personId, input.scheme)
        if (pending.length && input.issueAnyway !== true) {
          return fail('CERTIFICATE_PENDING_SYNC', 'issueAnyway', { count: pending.length, which: [...new Set(pending.map((p) => p.command))].join(', ') })
        }
        // The PDF first: a render that throws records nothing. Then the record, through the one
        // write path (R9, R8.1, D10 on the replica); refused, the PDF is not handed over.
        const pdf = await renderCertificatePdf(content, { logoPng: ctx.options.certificateLogoPng })
        const record: CertificateIssue = {
          id: uuidv7(now.getTime()),
          personId: input.personId,
          scheme: input.scheme,
          lang: input.lang,
          contentVersion: String(CERTIFICATE_VERSION),
          issuedOn: issuer.date,
          issuedAt: now.toISOString(),
          issuedBy: s.user.username,
          issuerName: s.user.displayName,
          pendingCount: pending.length,
        }
        const recorded = mutating({ replica: s.replica, user: s.user, now }, { type: 'certificates.recordIssue', payload: record }, () => record)
        if (!recorded.ok) return recorded
        return ok({ fileName, pdfBase64: Buffer.from(pdf).toString('base64'), content, issued: recorded.value })
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

/** Issue 10 point 3: the scheme's certificates handed out before, newest first (the replica's `certificate_issues`). */
function issuedOf(view: PersonView, scheme: CertificateScheme): CertificateIssue[] {
  return view.bundle.certificateIssues.filter((c) => c.scheme === scheme).sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.id.localeCompare(a.id))
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
