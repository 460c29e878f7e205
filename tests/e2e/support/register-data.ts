import type { Address, Citizenship, Permit, Person } from '../../../src/shared/domain'
import type { LoginResponse, PullResponse } from '../../../src/shared/sync'

/**
 * What the register holds for a user, read through the public sync protocol (A4) — so the
 * end-to-end tests choose their persons from the real demo data instead of hard-coding them.
 */
export interface ScopeData {
  persons: Person[]
  permits: Map<string, Permit[]>
  addresses: Map<string, Address[]>
  citizenships: Map<string, Citizenship[]>
  municipalities: Map<string, string>
}

export async function readScope(registerUrl: string, username: string, password: string): Promise<ScopeData> {
  const login = await fetch(`${registerUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`)
  const { accessToken } = (await login.json()) as LoginResponse
  const data: ScopeData = { persons: [], permits: new Map(), addresses: new Map(), citizenships: new Map(), municipalities: new Map() }
  const byId = new Map<string, Person>()
  let cursor = ''
  for (;;) {
    const res = await fetch(`${registerUrl}/sync/pull?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    })
    if (!res.ok) throw new Error(`pull: ${res.status} ${await res.text()}`)
    const page = (await res.json()) as PullResponse
    if (page.status !== 'ok') throw new Error(`pull: ${page.status}`)
    for (const set of page.changeSets) for (const c of set.changes) if (c.kind === 'upsert') collect(data, byId, c.entity, c.data)
    cursor = `${page.cursor.epoch}:${page.cursor.seq}`
    if (!page.hasMore) break
  }
  data.persons = [...byId.values()]
  return data
}

function collect(data: ScopeData, byId: Map<string, Person>, entity: string, row: Record<string, unknown>): void {
  const push = <T>(m: Map<string, T[]>, r: T & { personId: string; id: string }) =>
    m.set(r.personId, [...(m.get(r.personId) ?? []).filter((x) => (x as { id: string }).id !== r.id), r])
  if (entity === 'person') byId.set(String(row.id), row as unknown as Person)
  else if (entity === 'permit') push(data.permits, row as unknown as Permit)
  else if (entity === 'address') push(data.addresses, row as unknown as Address)
  else if (entity === 'citizenship') push(data.citizenships, row as unknown as Citizenship)
  else if (entity === 'municipality') data.municipalities.set(String(row.code), String(row.name))
}

/** `YYYY-MM-DD` → `dd.mm.åååå`, the form the caseworker types and reads. */
export const nbDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
