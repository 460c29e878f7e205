/**
 * Login throttling that cannot be turned against users (A7, issue 11 point 2).
 *
 * - Per (username, IP) pair: the first `freeFailures` failures cost nothing; from then on each
 *   further failure doubles a wait (`firstDelayMs`, 2×, 4× … up to `maxDelayMs`) during which
 *   that pair is answered 429 THROTTLED without looking at the password. An attacker at another
 *   IP only delays their own pair, never the real user at theirs.
 * - Per IP: a looser cap on failures in a window (`ipMaxFailures` per `ipWindowMs`) for an
 *   attacker who sprays many usernames from one address.
 * - Only failures count: a success clears its pair, and successes never use up anything, so
 *   every caseworker behind one proxy can log in all day.
 * - The username is the key whether or not it exists, so unknown and known users are
 *   throttled alike and the answers tell nothing about who exists.
 *
 * In memory: one register process owns its counters; a restart forgets them (a wait of at
 * most `maxDelayMs` is lost, never a lock-out created). The maps are bounded (`maxEntries`,
 * oldest dropped first) so a flood of invented usernames cannot grow them without limit.
 */
export interface LoginThrottleOptions {
  freeFailures: number
  firstDelayMs: number
  maxDelayMs: number
  /** How long a pair's failures are remembered after its last failure. */
  pairForgetMs: number
  ipMaxFailures: number
  ipWindowMs: number
  maxEntries: number
}

export const LOGIN_THROTTLE: LoginThrottleOptions = {
  freeFailures: 5,
  firstDelayMs: 15_000,
  maxDelayMs: 15 * 60_000,
  pairForgetMs: 24 * 3600_000,
  ipMaxFailures: 100,
  ipWindowMs: 15 * 60_000,
  maxEntries: 100_000,
}

interface PairState {
  failures: number
  blockedUntil: number
  lastFailureAt: number
}

interface IpState {
  failures: number
  windowStart: number
}

/** The key a typed username is counted under: the same person typing `Intro ` or `intro` is one pair. */
export function throttleUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase()
}

export class LoginThrottle {
  readonly options: LoginThrottleOptions
  private readonly pairs = new Map<string, PairState>()
  private readonly ips = new Map<string, IpState>()

  constructor(options: Partial<LoginThrottleOptions> = {}) {
    this.options = { ...LOGIN_THROTTLE, ...options }
  }

  /** Milliseconds this attempt must wait (429), or 0 when it may be checked. */
  waitMs(username: string, ip: string, now: number): number {
    const o = this.options
    const ipState = this.ips.get(ip)
    const ipWait = ipState && ipState.failures >= o.ipMaxFailures ? ipState.windowStart + o.ipWindowMs - now : 0
    const pair = this.pairs.get(pairKey(username, ip))
    const pairWait = pair ? pair.blockedUntil - now : 0
    return Math.max(0, ipWait, pairWait)
  }

  failure(username: string, ip: string, now: number): void {
    const o = this.options
    const key = pairKey(username, ip)
    const old = this.pairs.get(key)
    const failures = old && now - old.lastFailureAt < o.pairForgetMs ? old.failures + 1 : 1
    const over = failures - o.freeFailures
    const delay = over < 0 ? 0 : Math.min(o.maxDelayMs, o.firstDelayMs * 2 ** Math.min(over, 30))
    touch(this.pairs, key, { failures, blockedUntil: now + delay, lastFailureAt: now }, o.maxEntries)

    const ip0 = this.ips.get(ip)
    const ipState = ip0 && now - ip0.windowStart < o.ipWindowMs ? { ...ip0, failures: ip0.failures + 1 } : { failures: 1, windowStart: now }
    touch(this.ips, ip, ipState, o.maxEntries)
  }

  /** A right password clears its own pair only; the IP's failures stay counted. */
  success(username: string, ip: string): void {
    this.pairs.delete(pairKey(username, ip))
  }
}

function pairKey(username: string, ip: string): string {
  return `${ip}\u0000${throttleUsername(username)}`
}

/** Re-inserts so Map order is least recently failed first, and drops the oldest beyond the bound. */
function touch<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key)
  map.set(key, value)
  while (map.size > max) map.delete(map.keys().next().value as string)
}
