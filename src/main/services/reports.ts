import { ok, type MunicipalityReportsView, type ReportPersonName } from '../../shared/api'
import { defaultPeriod, municipalityReports } from '../../shared/reports'
import { osloDateOfMs } from '../../shared/rules'
import type { AreaHandlers, ServiceContext } from './context'
import { withPersonAccess } from './guard'
import { municipalityNames } from './person-rows'
import { keptAverageOf, reportEntries, type ReportEntry } from './report-snapshots'

/** Names of the persons the rows name, for the click-through list. */
function namesOf(entries: readonly ReportEntry[], ids: Set<string>): Record<string, ReportPersonName> {
  const out: Record<string, ReportPersonName> = {}
  for (const e of entries) if (ids.has(e.snapshot.person.id)) out[e.snapshot.person.id] = e.name
  return out
}

/**
 * Reports (D11) on the device: every person in the user's municipality (or district) is
 * evaluated from the replica as of today in Norway, so the figures need no network and are
 * never older than the last pull. A user bound to one district sees that district only.
 */
export function reportsHandlers(ctx: ServiceContext) {
  return {
    'reports.municipality': (input) =>
      withPersonAccess(ctx, 'district', (s) => {
        const today = osloDateOfMs(ctx.now().getTime())
        const district = s.user.district ?? input.district ?? null
        const period = { ...defaultPeriod(today), ...(input.fromDate ? { fromDate: input.fromDate } : {}), ...(input.toDate ? { toDate: input.toDate } : {}) }
        // Covered: live persons followed up in the municipality (and district) that the pull sent,
        // each evaluated at today; only persons written since the last opening are read again
        // (`report-snapshots.ts`, issue 8 point 9). Closed persons are in the replica only for
        // users with write access (R9), the same rule the register's report applies.
        const entries = reportEntries(s.replica, s.user.municipality, district, today)
        const reports = municipalityReports(entries, today, period, keptAverageOf)
        const ids = new Set<string>()
        for (const rows of [reports.statuses, reports.deadlinesDue, reports.absence, reports.endings]) for (const r of rows) r.personIds.forEach((id) => ids.add(id))
        for (const r of [...reports.overdueStarts, ...reports.belowNorm]) ids.add(r.personId)
        const view: MunicipalityReportsView = {
          ...reports,
          municipality: s.user.municipality,
          municipalityName: municipalityNames(s.replica).get(s.user.municipality) ?? s.user.municipality,
          district,
          people: namesOf(entries, ids),
        }
        return ok(view)
      }),
  } satisfies AreaHandlers<'reports'>
}
