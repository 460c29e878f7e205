/**
 * Browser mode only (A2, issue 6 point 13a): the host serves `index.html` with a per-launch
 * secret in `<meta name="nir-host-secret" content="…">`. Only a page the host itself served
 * can read it (another origin cannot read our responses), and every `/api/*` request —
 * `POST /api/:name` and the event stream `GET /api/events` — must carry it in the
 * `x-nir-secret` header, which a cross-site form or image cannot send.
 */
export const HOST_SECRET_HEADER = 'x-nir-secret'

export function hostHeaders(): Record<string, string> {
  const secret = typeof document === 'undefined' ? null : document.querySelector('meta[name="nir-host-secret"]')?.getAttribute('content')
  return secret ? { [HOST_SECRET_HEADER]: secret } : {}
}
