import type { APIRequestContext, APIResponse } from '@playwright/test'

/**
 * The browser-mode host answers `/api/*` only with the per-launch secret that its served page
 * carries (issue 6 point 13a). Tests that call the contract directly read it from that page,
 * as the renderer does, rather than through any back door.
 */
export function secretOf(html: string): string {
  const m = /<meta name="nir-host-secret" content="([A-Za-z0-9_-]+)">/.exec(html)
  if (!m) throw new Error('the host served no secret')
  return m[1]!
}

/** `POST /api/<name>` on the host through Playwright's request context (its baseURL is the host). */
export async function hostPost(request: APIRequestContext, name: string, input: unknown = {}): Promise<APIResponse> {
  const secret = secretOf(await (await request.get('/')).text())
  return request.post(`/api/${name}`, { data: input, headers: { 'x-nir-secret': secret } })
}

/** The same with plain fetch, where no Playwright context is at hand (hooks after a spec). */
export async function hostFetch(baseURL: string, name: string, input: unknown = {}): Promise<Response> {
  const secret = secretOf(await (await fetch(`${baseURL}/`)).text())
  return fetch(`${baseURL}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-nir-secret': secret }, body: JSON.stringify(input) })
}
