import { expect } from '@playwright/test'
import type { Person } from '../../../src/shared/domain'
import { DEMO_PASSWORD } from './fixtures'

/** A base-data import on the running register, as the central administrator would send it. */
export async function importOnRegister(registerUrl: string, persons: Person[]): Promise<void> {
  const login = await fetch(`${registerUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nir-admin', password: DEMO_PASSWORD }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const res = await fetch(`${registerUrl}/admin/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/x-ndjson' },
    body: persons.map((p) => JSON.stringify({ type: 'person', ...p })).join('\n'),
  })
  expect(res.status).toBe(200)
}

/** Base-data rows of any entity (`{ type, ...row }`, A6) imported on the running register. */
export async function importRowsOnRegister(registerUrl: string, rows: ({ type: string } & Record<string, unknown>)[]): Promise<void> {
  const login = await fetch(`${registerUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nir-admin', password: DEMO_PASSWORD }),
  })
  const { accessToken } = (await login.json()) as { accessToken: string }
  const res = await fetch(`${registerUrl}/admin/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/x-ndjson' },
    body: rows.map((r) => JSON.stringify(r)).join('\n'),
  })
  expect(res.status, await res.text()).toBe(200)
}
