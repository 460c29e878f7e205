/**
 * Issue 11 point 9 (A7): whether `url` is our own renderer page, which alone may call the
 * contract over IPC, receive device events and be navigated to. Pure (no Electron), so the
 * table in trusted-url.test.ts runs in vitest.
 *
 * - dev server (`http(s)://127.0.0.1:5173/`): the exact origin — scheme, host and port —
 *   compared as parsed by the URL standard, never as a string prefix, which
 *   `http://127.0.0.1:5173.evil.com` or `http://127.0.0.1:5173@evil.com` would pass;
 * - built app (`file:///…/out/renderer/index.html`): file URLs all share the opaque origin
 *   `null`, so the page itself — local file, no host, that very path — with any route in its hash.
 *
 * A URL carrying user info is refused outright: our pages never have one, and it only serves
 * to make a foreign address look like ours.
 */
export function isTrustedRendererUrl(url: string, rendererUrl: string): boolean {
  const u = parse(url)
  const base = parse(rendererUrl)
  if (!u || !base || u.username !== '' || u.password !== '') return false
  if (base.protocol === 'file:') return u.protocol === 'file:' && u.host === '' && base.host === '' && u.pathname === base.pathname
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return false
  return u.origin === base.origin
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
