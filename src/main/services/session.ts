import { basename } from 'node:path'
import type { Result, SessionState } from '../../shared/api'
import { fail, ok } from '../../shared/api'
import { osloDateOfMs } from '../../shared/rules'
import type { LoginResponse } from '../../shared/sync'
import { readProfile, readSyncState, saveProfile, updateSyncState } from '../db/state'
import { replicaFile, unlockReplica } from '../db/vault'
import { HttpError, NetworkError } from '../sync/register-client'
import { TokenKeeper } from '../sync/token-keeper'
import { isUserDisabled } from '../sync/cycle'
import { retireDisabledReplica } from './retire'
import type { Replica } from '../db/open'
import type { AreaHandlers, ServiceContext } from './context'

/**
 * Session (A7). Online login: the register checks the password and issues a token kept in
 * memory only; the same password unwraps the replica key. If the password was changed on
 * the server, the old wrap no longer opens and the old key cannot be recovered, so a fresh
 * replica is started (and filled by the first sync). When the register is unreachable, the
 * replica of this user and server is unlocked offline with the password (`mode: 'offline'`).
 */
export function sessionHandlers(ctx: ServiceContext) {
  return {
    'session.state': async () => ok(sessionState(ctx)),
    'session.login': async ({ username, password, startFresh, totp }) => {
      await ctx.closeSession()
      ctx.notice = null
      if (!registerUrlIsSecure(ctx.serverUrl)) return fail('REGISTER_URL_INSECURE', undefined, { url: ctx.serverUrl })
      let login: LoginResponse
      try {
        login = await ctx.client.login(username, password, totp)
      } catch (err) {
        if (err instanceof NetworkError) return unlockOffline(ctx, username, password)
        if (err instanceof HttpError && err.status === 401) return loginRefused(err)
        if (err instanceof HttpError && err.status === 429) return fail('THROTTLED', undefined, { minutes: waitMinutes(err) })
        if (isUserDisabled(err)) return retireOnLogin(ctx, username, password)
        if (err instanceof HttpError) return fail('REGISTER_ERROR', undefined, { status: err.status })
        throw err
      }
      return unlockOnline(ctx, username, password, login, startFresh === true)
    },
    'session.reauthenticate': async ({ password, totp }) => {
      const s = ctx.session
      if (!s) return fail('NOT_LOGGED_IN')
      let login: LoginResponse
      try {
        // The session's user, never input: this only renews the token of whoever is logged in.
        login = await ctx.client.login(s.user.username, password, totp)
      } catch (err) {
        if (err instanceof NetworkError) return fail('REGISTER_UNREACHABLE', 'password')
        if (err instanceof HttpError && err.status === 401) return loginRefused(err)
        if (err instanceof HttpError && err.status === 429) return fail('THROTTLED', 'password', { minutes: waitMinutes(err) })
        if (err instanceof HttpError) return fail('REGISTER_ERROR', 'password', { status: err.status })
        throw err
      }
      // A different account behind the same name (recreated on the register) must not get this replica.
      if (login.user.id !== s.user.id) return fail('INVALID_CREDENTIALS', 'password')
      saveProfile(s.replica, login.user, ctx.serverUrl, login.serverTime)
      updateSyncState(s.replica, { serverOffsetMs: Math.round(Date.parse(login.serverTime) - ctx.now().getTime()) })
      // Replacing the session tells the renderer (roles may have changed; offline becomes online).
      ctx.session = { ...s, user: login.user, mode: 'online', token: login.accessToken }
      // A new password login: a new refresh token for this device (the old one may have been refused).
      if (s.tokens) await bindDevice(ctx, s.tokens, login.accessToken, s.replica)
      await s.sync.resume(login.accessToken)
      return ok(sessionState(ctx))
    },
    'session.logout': async () => {
      await revokeOnRegister(ctx)
      await ctx.closeSession()
      return ok(sessionState(ctx))
    },
  } satisfies AreaHandlers<'session'>
}

/**
 * A 401 to a login: a wrong password, or (A7) a user enrolled in TOTP without a code or with a
 * wrong or already used one — said beside the code field.
 */
function loginRefused(err: HttpError): Result<never> {
  const code = (err.body as { error?: unknown } | null)?.error
  if (code === 'TOTP_REQUIRED' || code === 'TOTP_INVALID') return fail(code, 'totp')
  return fail('INVALID_CREDENTIALS', 'password')
}

/** The device's refresh-token store (issue 11.1); a failure leaves the session without one, asking the password when the access token ends. */
async function keepTokens(ctx: ServiceContext, file: string, password: string, replica: Replica): Promise<TokenKeeper | undefined> {
  try {
    return await TokenKeeper.open({ replicaFile: file, password, deviceId: readSyncState(replica).deviceId, serverUrl: ctx.serverUrl, client: ctx.client })
  } catch (err) {
    ctx.log.error('refresh token store not opened', err)
    return undefined
  }
}

/** Binds a refresh token to this device with the access token of a password login just made. */
async function bindDevice(ctx: ServiceContext, tokens: TokenKeeper, accessToken: string, replica: Replica): Promise<void> {
  try {
    await tokens.store((await ctx.client.bindDevice(accessToken, readSyncState(replica).deviceId)).refreshToken)
  } catch (err) {
    ctx.log.error('refresh token not bound', err)
  }
}

/**
 * What the sync engine calls when the access token has ended: a new one from the refresh
 * token. A session unlocked offline becomes online with it (the renderer hears of it).
 */
export function renewer(ctx: ServiceContext, tokens: TokenKeeper): () => Promise<string | null> {
  return async () => {
    const answer = await tokens.renew()
    const s = ctx.session
    if (!answer || !s || s.tokens !== tokens || answer.user.id !== s.user.id) return null
    if (s.mode === 'offline') ctx.session = { ...s, user: answer.user, mode: 'online', token: answer.accessToken }
    else s.token = answer.accessToken
    return answer.accessToken
  }
}

/** Logout revokes every token of the user on the register (issue 11.1); offline, the device forgets its own. */
async function revokeOnRegister(ctx: ServiceContext): Promise<void> {
  // A locked session (issue 11.4) logged out from the unlock screen is revoked the same way.
  const s = ctx.session ?? ctx.idleLock.heldSession
  if (!s) return
  try {
    if (s.tokens) await s.tokens.logout(s.token)
    else if (s.token) await ctx.client.logout(s.token, null)
  } catch (err) {
    // Unreachable or already refused: the token is forgotten here and ends on the register by its expiry.
    ctx.log.info(`logout not confirmed by the register: ${(err as Error).name}`)
  }
}

/** The register's Retry-After in whole minutes (at least 1), so the caseworker knows how long to wait. */
function waitMinutes(err: HttpError): number {
  return Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60))
}

/**
 * Issue 11 point 2: the password and the tokens travel to the register over https only; plain
 * http is allowed to this machine alone (the embedded demo register, a register on localhost).
 */
export function registerUrlIsSecure(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol === 'https:') return true
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)
}

/**
 * A6 / issue 11.7: the register accepted the password and answered that the user is disabled
 * (it says so only after the right password). The replica of this user is opened with that
 * password to see whether it holds unsent work, then wiped or sealed (`retireDisabledReplica`).
 */
async function retireOnLogin(ctx: ServiceContext, username: string, password: string): Promise<Result<SessionState>> {
  const file = replicaFile(ctx.options.dataDir, ctx.serverUrl, username)
  const unlocked = await unlockReplica(file, password, { create: false, migrationsFolder: ctx.options.migrationsFolder })
  if (!unlocked.ok && unlocked.reason === 'NO_REPLICA') return fail('USER_DISABLED')
  const reason = retireDisabledReplica(file, unlocked.ok ? unlocked.replica : null, ctx.now())
  ctx.log.info(`user disabled on the register: replica ${reason.code === 'USER_DISABLED' ? 'wiped' : 'sealed'}`)
  return { ok: false, reasons: [reason] }
}

async function unlockOnline(ctx: ServiceContext, username: string, password: string, login: LoginResponse, startFresh: boolean): Promise<Result<SessionState>> {
  const file = replicaFile(ctx.options.dataDir, ctx.serverUrl, username)
  const unlocked = await unlockReplica(file, password, { create: true, startFresh, migrationsFolder: ctx.options.migrationsFolder, now: ctx.now })
  // Issue 11.5: never replaced silently; the login screen explains and offers to start afresh.
  if (!unlocked.ok && unlocked.reason === 'UNREADABLE') return fail('REPLICA_UNREADABLE', undefined, { problem: unlocked.problem })
  if (!unlocked.ok) throw new Error(`unexpected unlock failure ${unlocked.reason}`)
  const { replica } = unlocked
  if (unlocked.sealed) {
    ctx.log.info(`replica did not open; sealed as ${basename(unlocked.sealed)} and started a fresh one`)
    ctx.notice = { code: 'REPLICA_SEALED', values: { file: basename(unlocked.sealed) } }
  }
  saveProfile(replica, login.user, ctx.serverUrl, login.serverTime)
  readSyncState(replica)
  updateSyncState(replica, { serverOffsetMs: Math.round(Date.parse(login.serverTime) - ctx.now().getTime()) })
  const tokens = await keepTokens(ctx, file, password, replica)
  if (tokens) await bindDevice(ctx, tokens, login.accessToken, replica)
  const sync = ctx.startSync(replica, login.accessToken, tokens && renewer(ctx, tokens))
  ctx.session = { user: login.user, mode: 'online', token: login.accessToken, replica, sync, tokens }
  return ok(sessionState(ctx))
}

async function unlockOffline(ctx: ServiceContext, username: string, password: string): Promise<Result<SessionState>> {
  const file = replicaFile(ctx.options.dataDir, ctx.serverUrl, username)
  const unlocked = await unlockReplica(file, password, { create: false, migrationsFolder: ctx.options.migrationsFolder })
  if (!unlocked.ok) {
    if (unlocked.reason === 'UNREADABLE') return fail('REPLICA_UNREADABLE_OFFLINE', undefined, { problem: unlocked.problem })
    return unlocked.reason === 'WRONG_PASSWORD' ? fail('WRONG_PASSWORD', 'password') : fail('OFFLINE_NO_REPLICA')
  }
  const profile = readProfile(unlocked.replica)
  if (!profile) {
    unlocked.replica.close()
    return fail('OFFLINE_NO_REPLICA')
  }
  // Issue 11.1: the refresh token kept from the last online login resumes syncing when the register returns.
  const tokens = await keepTokens(ctx, file, password, unlocked.replica)
  const sync = ctx.startSync(unlocked.replica, null, tokens && renewer(ctx, tokens))
  ctx.session = { user: profile.user, mode: 'offline', token: null, replica: unlocked.replica, sync, tokens }
  return ok(sessionState(ctx))
}

export function sessionState(ctx: ServiceContext): SessionState {
  const s = ctx.session
  // The Oslo calendar date by the shared dayjs/timezone conversion the rules judge with (R11.11).
  const today = osloDateOfMs(ctx.now().getTime())
  const notice = ctx.notice ? { notice: ctx.notice } : {}
  // Issue 11.4: a locked session names its user, so the unlock screen asks for that password only.
  const locked = s ? null : ctx.idleLock.lockedState(today)
  if (locked) return locked
  if (!s) return { phase: 'loggedOut', user: null, mode: null, serverUrl: ctx.serverUrl, replicaReady: false, today, ...notice }
  return {
    phase: 'unlocked',
    user: s.user,
    mode: s.mode,
    serverUrl: ctx.serverUrl,
    replicaReady: readSyncState(s.replica).firstSyncComplete,
    today,
    ...notice,
  }
}
