import { and, desc, eq } from 'drizzle-orm'
import type { PersonView, Reason, Result, SearchResult } from '../../shared/api'
import { failWith, fail, ok } from '../../shared/api'
import { classifySearch, nameMatches, type NameQuery } from '../../shared/ids'
import { nameCandidatesInScope } from '../db/name-index'
import * as t from '../db/schema'
import type { PersonRow } from '../db/schema'
import { personMarks, registerChangedOf, syncMarksOf } from '../sync/problems'
import { HttpError, NetworkError } from '../sync/register-client'
import type { ActiveSession, AreaHandlers, ServiceContext } from './context'
import { evaluateOnDevice, introPlanOnDevice } from './evaluation'
import { firstBy } from './first-by'
import { withPersonAccess } from './guard'
import { mutating } from './mutating'
import { byName, cacheBundle, findPerson, loadBundle, municipalityNames, personsByIds, personsInMunicipalityBy, toHit } from './person-rows'

/** Most hits a search returns (`truncated` says when there were more). */
export const SEARCH_LIMIT = 100

type Kind = SearchResult['kind']

/** Person search and the person screens (D5, R2.4). */
export function personsHandlers(ctx: ServiceContext) {
  return {
    'persons.search': (input) => withPersonAccess(ctx, 'query', (s) => search(ctx, s, input.query)),
    'persons.get': (input) =>
      withPersonAccess(ctx, 'personId', async (s): Promise<Result<PersonView>> => {
        const p = findPerson(s.replica, input.personId)
        if (!p) return fail('PERSON_NOT_FOUND', 'personId')
        // D12: every read of a person is audited: an outbox row, pushed like any mutation. The
        // screens re-read the person after each save; a read by the same user within
        // AUDIT_READ_COALESCE_MS of the last audited one is the same viewing, not a new entry.
        const now = ctx.now()
        if (recentlyAudited(s, p.id, now)) return ok(personView(s, p, now))
        return mutating({ replica: s.replica, user: s.user, now }, { type: 'audit.read', payload: { personId: p.id } }, () => personView(s, p, now))
      }),
  } satisfies AreaHandlers<'persons'>
}

/** Reads of one person by one user closer together than this are audited once (D12). */
export const AUDIT_READ_COALESCE_MS = 5 * 60_000

function recentlyAudited(s: ActiveSession, personId: string, now: Date): boolean {
  const last = s.replica.db
    .select({ at: t.outbox.recordedAt })
    .from(t.outbox)
    .where(and(eq(t.outbox.personId, personId), eq(t.outbox.command, 'audit.read'), eq(t.outbox.userId, s.user.id)))
    .orderBy(desc(t.outbox.seq))
    .limit(1)
    .get()
  if (!last) return false
  // A clock set back makes the last entry "in the future": audit again rather than trust it.
  const age = now.getTime() - new Date(last.at).getTime()
  return age >= 0 && age < AUDIT_READ_COALESCE_MS
}

function personView(s: ActiveSession, p: PersonRow, now: Date): PersonView {
  const { db } = s.replica
  const municipality = db.select().from(t.municipalities).where(eq(t.municipalities.code, p.followUpMunicipality)).get()
  const district = p.followUpDistrict ? db.select().from(t.districts).where(eq(t.districts.code, p.followUpDistrict)).get() : undefined
  const pinned = db.select().from(t.personList).where(eq(t.personList.personId, p.id)).get()
  const bundle = loadBundle(s.replica, p)
  const marks = syncMarksOf(db, p.id)
  return {
    bundle,
    evaluation: evaluateOnDevice(s.replica, bundle, now),
    introPlan: introPlanOnDevice(bundle),
    municipalityName: municipality?.name ?? p.followUpMunicipality,
    districtName: district?.name ?? null,
    cachedReadOnly: p.cachedReadOnly,
    inPersonList: !!pinned,
    syncMarks: marks,
    registerChanged: registerChangedOf(db, marks),
    keptAfterScopeExit: p.keptAfterScopeExit,
  }
}

/**
 * R2.4 / D5: the input is classified by shape; every search but DUF is limited to persons
 * followed up by the user's municipality. A DUF number missing from the replica is looked
 * up in the register when online and the person cached read-only; offline the search
 * answers from the replica with the warning `DUF_LOOKUP_OFFLINE`.
 */
async function search(ctx: ServiceContext, s: ActiveSession, query: string): Promise<Result<SearchResult>> {
  const c = classifySearch(query, { allowSynthetic: ctx.options.allowSynthetic ?? false })
  switch (c.kind) {
    case 'empty':
      return ok(result(s, 'name', '', [], []))
    case 'invalid':
      return failWith(c.reasons)
    case 'duf':
      return searchDuf(ctx, s, c.value, c.warnings)
    case 'nationalId':
      return ok(result(s, c.kind, c.value, c.warnings, personsInMunicipalityBy(s.replica, 'nationalId', c.value, s.user.municipality)))
    case 'regNumber':
      return ok(result(s, c.kind, c.value, [], personsInMunicipalityBy(s.replica, 'regNumber', c.value, s.user.municipality)))
    case 'birthDate':
      return ok(result(s, c.kind, c.value, [], personsInMunicipalityBy(s.replica, 'birthDate', c.value, s.user.municipality)))
    case 'name':
      return ok(result(s, 'name', query.trim(), [], searchName(s, c)))
  }
}

/**
 * R2.4: the candidates are filtered and ordered on their name columns only; whole rows are
 * read for the first SEARCH_LIMIT + 1 (the extra one tells `result` the list was truncated).
 */
function searchName(s: ActiveSession, q: NameQuery): PersonRow[] {
  const candidates = nameCandidatesInScope(s.replica.sqlite, q.words, s.user.municipality)
  // Issue 12.5: a bounded selection, not a filter and sort of every candidate (`firstBy`).
  const kept = firstBy(candidates, SEARCH_LIMIT + 1, byName, (p) => nameMatches(q, p))
  return personsByIds(
    s.replica,
    kept.map((p) => p.id),
  )
}

async function searchDuf(ctx: ServiceContext, s: ActiveSession, duf: string, warnings: Reason[]): Promise<Result<SearchResult>> {
  const local = s.replica.db
    .select()
    .from(t.persons)
    .where(and(eq(t.persons.duf, duf), eq(t.persons.deleted, false)))
    .all()
  if (local.length > 0) return ok(result(s, 'duf', duf, warnings, local))
  if (!s.token || !s.sync.online) {
    return ok(result(s, 'duf', duf, [...warnings, { code: 'DUF_LOOKUP_OFFLINE', field: 'query', severity: 'warning' }], []))
  }
  try {
    const bundle = await ctx.client.personByDuf(s.token, duf).catch(async (err: unknown) => {
      // Issue 11.1: an expired access token is renewed once with the device's refresh token.
      if (!(err instanceof HttpError && err.status === 401)) throw err
      const fresh = await s.sync.renewToken().catch(() => null)
      if (!fresh) throw err
      return ctx.client.personByDuf(fresh, duf)
    })
    const hits = bundle ? [cacheBundle(s.replica, bundle)] : []
    return ok({ ...result(s, 'duf', duf, warnings, hits), fromRegister: true })
  } catch (err) {
    if (err instanceof HttpError && err.status === 429) {
      // The register's per-user limit (13c): say how long to wait, in whole minutes.
      const minutes = Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60))
      return ok(result(s, 'duf', duf, [...warnings, { code: 'DUF_LOOKUP_RATE_LIMITED', field: 'query', severity: 'warning', values: { minutes } }], []))
    }
    if (err instanceof HttpError && err.status === 401) {
      // The register no longer accepts the token: the chip asks for the password (as a refused
      // sync does), and the search says why the register was not asked.
      s.sync.markLoginRequired()
      return ok(result(s, 'duf', duf, [...warnings, { code: 'DUF_LOOKUP_LOGIN_REQUIRED', field: 'query', severity: 'warning' }], []))
    }
    if (!(err instanceof NetworkError)) throw err
    s.sync.markOffline()
    return ok(result(s, 'duf', duf, [...warnings, { code: 'DUF_LOOKUP_OFFLINE', field: 'query', severity: 'warning' }], []))
  }
}

function result(s: ActiveSession, kind: Kind, value: string, warnings: Reason[], rows: PersonRow[]): SearchResult {
  const sorted = [...rows].sort(byName)
  const names = municipalityNames(s.replica)
  const marks = personMarks(s.replica)
  return {
    kind,
    value,
    warnings: warnings.map(({ code, field, values }) => ({ code, ...(field ? { field } : {}), ...(values ? { values } : {}) })),
    hits: sorted.slice(0, SEARCH_LIMIT).map((p) => toHit(p, names, marks)),
    fromRegister: false,
    truncated: sorted.length > SEARCH_LIMIT,
  }
}
