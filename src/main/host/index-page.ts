import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Shown instead of the app when the renderer was never built; `npm run web` builds it first. */
const NOT_BUILT = `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><title>NIR Offline</title></head>
<body><p>The renderer is not built (dist-web/index.html is missing): run <code>npm run web</code>.</p></body></html>`

/**
 * The app's `index.html` with the per-launch secret in `<meta name="nir-host-secret">`
 * (issue 6 point 13a). Only the host serves this page and the browser lets only same-origin
 * scripts read it, so the secret reaches our renderer and no other site. Read once: the
 * build does not change under a running host.
 */
export function indexPage(root: string | undefined, secret: string): string {
  const file = root ? join(root, 'index.html') : undefined
  const html = file && existsSync(file) ? readFileSync(file, 'utf8') : NOT_BUILT
  const meta = `<meta name="nir-host-secret" content="${secret}">`
  // base64url needs no escaping inside an attribute; the meta goes first so it is there
  // before any script in <head> runs. `<head>` may be implied in HTML: then after the doctype.
  if (/<head(\s[^>]*)?>/i.test(html)) return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}\n    ${meta}`)
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? ''
  return `${doctype}${meta}${html.slice(doctype.length)}`
}
