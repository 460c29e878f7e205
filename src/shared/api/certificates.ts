import { z } from 'zod'
import type { CertificateContent, CertificateScheme } from '../certificates'
import type { CertificateIssue } from '../domain/registrations'
import type { Reason } from './result'

/** A registration of the scheme that has not reached the register: unsent, or refused/conflicting and unresolved. */
export interface CertificatePendingRow {
  /** The outbox row's id (the mutation id). */
  id: string
  /** Contract/command name, e.g. `norsk.saveWeeklyParticipation`. */
  command: string
  /** The caseworker's input as saved, so the screen can name the registration as the sync-problem screen does. */
  payload: unknown
  /** When the caseworker saved it (device time, ISO 8601). */
  recordedAt: string
  /** `pending`/`sent` = waits to sync; `rejected`/`conflict` = a sync problem. */
  state: 'pending' | 'sent' | 'rejected' | 'conflict'
}

/**
 * One scheme on the *Deltakarbevis* card: whether a certificate can be made, what still waits
 * to sync, and the certificates of the scheme handed out before (issue 10 point 3), newest first.
 */
export type CertificateEntry = ({ scheme: CertificateScheme; available: true } | { scheme: CertificateScheme; refused: Reason[] }) & {
  pending: CertificatePendingRow[]
  issued: CertificateIssue[]
}

export const certificateScheme = z.enum(['norsk', 'intro'])

export const certificateRenderInput = z
  .object({
    personId: z.string().min(1).max(64),
    scheme: certificateScheme,
    lang: z.enum(['nb', 'nn']),
    /**
     * Issue 10 point 3: true = the certificate is handed out (download or print) and recorded as
     * `certificates.recordIssue` in the same step; false = a preview, recorded nowhere.
     */
    issue: z.boolean(),
    /** Issue 10 point 4: issue although registrations of the scheme wait to sync or have sync problems. */
    issueAnyway: z.boolean().optional(),
  })
  .strict()

export interface RenderedCertificate {
  fileName: string
  /** The A4 PDF, base64 (the contract is JSON over IPC and HTTP). */
  pdfBase64: string
  /** Exactly what the PDF prints, for the preview. */
  content: CertificateContent
  /** The issuance record written with it (`issue: true`); null for a preview. */
  issued: CertificateIssue | null
}

/** What the desktop app's *Skriv ut* (preload `printCertificate`) takes: the render input; a print is always an issue. */
export type CertificatePrintInput = Omit<z.infer<typeof certificateRenderInput>, 'issue'>
/** *Skriv ut*'s answer: the PDF opened in the system viewer, and the issue recorded with it. */
export interface CertificatePrintResult {
  fileName: string
  issued: CertificateIssue | null
}

/** Participant certificates (*deltakarbevis*, D10, issue 10), made on the device from the replica. */
export const certificatesSlice = {
  /** Per scheme (norsk, intro): available or refused, and the scheme's registrations that wait to sync. */
  'certificates.list': { input: z.object({ personId: z.string().min(1).max(64) }).strict(), output: {} as CertificateEntry[] },
  /**
   * The certificate's content and PDF. Issuing (`issue: true`) is refused `CERTIFICATE_PENDING_SYNC`
   * while the scheme has unsynced registrations, unless `issueAnyway`, and records the issue.
   */
  'certificates.render': { input: certificateRenderInput, output: {} as RenderedCertificate },
} as const
