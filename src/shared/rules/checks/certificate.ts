import type { IsoDate } from '../../calendar'
import type { CertificateIssue } from '../../domain/registrations'
import type { PersonSnapshot } from '../../domain/snapshot'
import { weeklyRows } from '../categories-norsk-progress'
import { earliestStart, grantedOf } from '../queries'
import { datesValid, type CheckInput } from './context'

/**
 * D10 / issue 10 point 4: whether the person took part in the scheme by `on` — for Norwegian
 * training a week with hours of Norwegian or social studies, for the introduction programme a
 * granted programme that had started. The one predicate behind both the certificate's content
 * (`certificateContent` refuses `CERTIFICATE_NOT_PARTICIPATED`) and the issuance record's check,
 * so the device and the register judge the same facts from the snapshot alone.
 */
export function tookPart(snapshot: PersonSnapshot, scheme: CertificateIssue['scheme'], on: IsoDate): boolean {
  if (scheme === 'norsk') return weeklyRows(snapshot).some((w) => w.norskHours + w.samfunnHours > 0)
  const first = earliestStart(grantedOf(snapshot, 'INTRO_PROGRAM'))
  return first !== null && first.startDate <= on
}

/**
 * Issue 10 point 3, `certificates.recordIssue`: the date of issue exists (future and the
 * back-registration window: R8.1), the time of issue is a timestamp, and the person took part
 * in the scheme on the date of issue. Pending registrations (issue 10 point 4) are not judged
 * here: they are the device's outbox, which only the device knows; the record carries how many
 * the caseworker issued over (`pendingCount`).
 */
export function checkCertificateIssue({ f, snapshot }: CheckInput, p: CertificateIssue): void {
  if (!datesValid(f, { issuedOn: p.issuedOn })) return
  if (Number.isNaN(Date.parse(p.issuedAt))) f.error('INVALID_DATE', 'issuedAt', { date: p.issuedAt })
  if (!tookPart(snapshot, p.scheme, p.issuedOn)) f.error('CERTIFICATE_NOT_PARTICIPATED', 'scheme', { scheme: p.scheme })
}
