import type { Cursor, LoginResponse, PersonBundle, PullResponse, PushRequest, PushResponse } from '../../shared/sync'
import { deviceBindResponseSchema, encodeCursor, loginResponseSchema, personBundleSchema, pullResponseSchema, pushResponseSchema } from '../../shared/sync'

/** The register could not be reached (connection refused, reset, timeout): the device is offline. */
export class NetworkError extends Error {
  override name = 'NetworkError'
}

/** The register answered with a non-2xx status. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly body: unknown,
    /** `Retry-After` in seconds on a 429 or 503, so the caseworker can be told how long to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`register answered ${status}`)
  }
}

export interface RegisterClientOptions {
  fetch?: typeof fetch
  /** Per-request timeout; a timeout counts as a network error. */
  timeoutMs?: number
}

/** HTTP client of the central register's device endpoints (A4). */
export class RegisterClient {
  private readonly fetchFn: typeof fetch
  private readonly timeoutMs: number

  constructor(
    readonly baseUrl: string,
    options: RegisterClientOptions = {},
  ) {
    this.fetchFn = options.fetch ?? fetch
    this.timeoutMs = options.timeoutMs ?? 30_000
  }

  /** `POST /auth/login`; `totp` is the one-time or recovery code of a user enrolled in TOTP (A7). */
  async login(username: string, password: string, totp?: string): Promise<LoginResponse> {
    const body = await this.request('POST', '/auth/login', null, { username, password, ...(totp ? { totp } : {}) })
    return loginResponseSchema.parse(body)
  }

  /** `POST /auth/device` (issue 11.1): a refresh token bound to this device, right after a password login. */
  async bindDevice(token: string, deviceId: string): Promise<{ refreshToken: string; refreshExpiresAt: string }> {
    return deviceBindResponseSchema.parse(await this.request('POST', '/auth/device', token, { deviceId }))
  }

  /** `POST /auth/refresh`: a new access token and the rotated refresh token. */
  async refresh(refreshToken: string, deviceId: string): Promise<LoginResponse> {
    return loginResponseSchema.parse(await this.request('POST', '/auth/refresh', null, { refreshToken, deviceId }))
  }

  /** `POST /auth/logout`: the register revokes every token of the user. */
  async logout(token: string | null, refresh: { refreshToken: string; deviceId: string } | null): Promise<void> {
    await this.request('POST', '/auth/logout', token, refresh ?? {})
  }

  /** `count`: the register counts the change sets after the page exactly (once per cycle; else a lower bound). */
  async pull(token: string, cursor: Cursor, limit: number, signal?: AbortSignal, count = false): Promise<PullResponse> {
    const query = new URLSearchParams({ cursor: encodeCursor(cursor), limit: String(limit), ...(count ? { count: '1' } : {}) })
    return pullResponseSchema.parse(await this.request('GET', `/sync/pull?${query}`, token, undefined, signal))
  }

  /** `POST /sync/push` (A4): pending outbox rows in `seq` order; the register's verdict for each. */
  async push(token: string, request: PushRequest, signal?: AbortSignal): Promise<PushResponse> {
    return pushResponseSchema.parse(await this.request('POST', '/sync/push', token, request, signal))
  }

  /**
   * The person with this DUF number and all their base data, or null when the register has
   * none. The register limits look-ups per user (429 with `Retry-After`: an `HttpError`).
   */
  async personByDuf(token: string, duf: string): Promise<PersonBundle | null> {
    try {
      return personBundleSchema.parse(await this.request('GET', `/persons/by-duf/${encodeURIComponent(duf)}`, token))
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) return null
      throw err
    }
  }

  /** True when the register answers at all (A4: reachable, not just "network up"). */
  async health(): Promise<boolean> {
    try {
      await this.request('GET', '/health', null)
      return true
    } catch {
      return false
    }
  }

  private async request(method: string, path: string, token: string | null, body?: unknown, signal?: AbortSignal): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    let text: string
    try {
      res = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]) : AbortSignal.timeout(this.timeoutMs),
      })
      // Reading the body is part of the request: a connection closed mid-body is a network error.
      text = await res.text()
    } catch (err) {
      throw new NetworkError(`${method} ${path}: ${(err as Error).message}`, { cause: err })
    }
    const parsed: unknown = text.length > 0 ? safeJson(text) : null
    if (!res.ok) throw new HttpError(res.status, parsed, retryAfter(res.headers.get('retry-after')))
    return parsed
  }
}

/** Seconds from `Retry-After`, which is either a number of seconds or an HTTP date. */
function retryAfter(header: string | null): number | null {
  if (!header) return null
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : null
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
