/** The host secret as the renderer gets it: from the meta tag of the page the host served (13a). */
export function secretOf(html: string): string {
  const m = /<meta name="nir-host-secret" content="([A-Za-z0-9_-]+)">/.exec(html)
  if (!m) throw new Error('no host secret in the served page')
  return m[1]!
}

/** `POST /api/<name>` as the served page does it: JSON, with the secret read from `/`. */
export async function hostPost(base: string, name: string, body: unknown): Promise<unknown> {
  const secret = secretOf(await (await fetch(`${base}/`)).text())
  const res = await fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-nir-secret': secret },
    body: JSON.stringify(body),
  })
  return res.json()
}
