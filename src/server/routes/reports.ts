import { and, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { districtCode, isoDate, municipalityCode } from '../../shared/domain/common'
import { defaultPeriod, municipalityReports, type MunicipalityReports, type ReportPerson } from '../../shared/reports'
import { evaluatePerson, osloDateOfMs, snapshotFromBase } from '../../shared/rules'
import { appendAudit } from '../audit/log'
import { persons } from '../db/schema'
import type { RegisterDb } from '../db/types'
import { authenticate, rolesOf } from '../http/authenticate'
import type { ServerContext } from '../http/context'
import { ApiError } from '../http/errors'
import { loadServerBundles, ruleCodeLists } from '../rules/snapshot'
import { scopeOf, visible, type PullScope } from '../sync/scope'

/** Persons per batch of bundles: keeps `IN (…)` lists a sensible size. */
const CHUNK = 500

/**
 * The persons the municipality's reports cover on the register: live persons the scope's user
 * would pull (followed up in the municipality and district; closed ones for writers only, R9),
 * each evaluated at `today` — not read from the stored evaluation, so a deadline is judged
 * against today (issue 8 point 6) and the figures equal the device's for the same rows.
 */
export async function registerReportPersons(db: RegisterDb, scope: PullScope, today: string): Promise<ReportPerson[]> {
  const ids = (
    await db
      .select({ id: persons.id })
      .from(persons)
      .where(and(visible(scope), eq(persons.deleted, false)))
  ).map((r) => r.id)
  const codeLists = await ruleCodeLists(db)
  const out: ReportPerson[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const b of (await loadServerBundles(db, ids.slice(i, i + CHUNK))).values()) {
      const snapshot = snapshotFromBase(b, codeLists)
      out.push({ snapshot, evaluation: evaluatePerson(snapshot, today) })
    }
  }
  return out
}

/**
 * `GET /reports/municipality/:code` (D11): the same aggregates the device computes, for a
 * municipality-wide view on the register. Needs a role that reads person data and the user's
 * own municipality; a user bound to a district gets that district (asking for another is
 * 403). Audited as a report read (no person ids: the figures are aggregates).
 */
export function reportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/reports/municipality/:code',
    {
      schema: {
        params: z.object({ code: municipalityCode }),
        querystring: z.object({ district: districtCode.optional(), fromDate: isoDate.optional(), toDate: isoDate.optional() }),
      },
    },
    async (req): Promise<MunicipalityReports> => {
      const user = await authenticate(ctx.db, ctx.tokenSecret, req)
      const scope = scopeOf({ municipality: user.municipality, district: user.district, roles: rolesOf(user) })
      if (!scope.readsPersons) throw new ApiError(403, 'NOT_PERMITTED', 'your roles do not read person data')
      if (req.params.code !== scope.municipality) throw new ApiError(403, 'OUT_OF_SCOPE', 'reports cover your own municipality only')
      const q = req.query
      if (scope.district && q.district && q.district !== scope.district) throw new ApiError(403, 'OUT_OF_SCOPE', 'reports cover your own district only')
      const today = osloDateOfMs((ctx.now ?? Date.now)())
      const period = { ...defaultPeriod(today), ...(q.fromDate ? { fromDate: q.fromDate } : {}), ...(q.toDate ? { toDate: q.toDate } : {}) }
      if (period.toDate < period.fromDate) throw new ApiError(400, 'INVALID_INPUT', 'toDate before fromDate')
      const reportScope = { ...scope, district: scope.district ?? q.district ?? null }
      const reports = municipalityReports(await registerReportPersons(ctx.db, reportScope, today), today, period)
      await appendAudit(ctx.db, {
        userId: user.id,
        username: user.username,
        deviceId: user.deviceId,
        action: 'report.read',
        details: { report: 'municipality', municipality: reportScope.municipality, district: reportScope.district },
      })
      return reports
    },
  )
}
