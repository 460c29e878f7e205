import { describe, expect, test } from 'vitest'
import { isTrustedRendererUrl } from './trusted-url'

const built = 'file:///opt/NIR%20Offline/resources/app.asar/out/renderer/index.html'
// electron-vite sets ELECTRON_RENDERER_URL without a trailing slash: the old prefix check
// (`startsWith`) let `http://localhost:5173.evil.com` through.
const dev = 'http://localhost:5173'

describe('isTrustedRendererUrl (issue 11 point 9): our renderer page by exact origin, never by prefix', () => {
  test.each([
    // built app: the one file, any route in its hash
    [built, built, true],
    [`${built}#/person/0190/grunndata`, built, true],
    ['file:///opt/NIR%20Offline/resources/app.asar/out/renderer/x/../index.html', built, true],
    ['file:///opt/NIR%20Offline/resources/app.asar/out/renderer/other.html', built, false],
    ['file:///opt/NIR%20Offline/resources/app.asar/out/renderer/index.html.evil', built, false],
    ['file:///etc/passwd', built, false],
    ['file:///tmp/download/index.html', built, false],
    ['file://evil.example/opt/NIR%20Offline/resources/app.asar/out/renderer/index.html', built, false],
    ['http://localhost:5173/', built, false],
    // dev server: scheme, host and port exactly
    ['http://localhost:5173/', dev, true],
    ['http://localhost:5173/#/arbeidsflate', dev, true],
    ['http://localhost:5173/index.html?x=1', dev, true],
    ['http://localhost:5173.evil.com/', dev, false],
    ['http://localhost:5173.evil.com', dev, false],
    ['http://localhost:5173@evil.com/', dev, false],
    ['http://user:secret@localhost:5173/', dev, false],
    ['http://localhost:5174/', dev, false],
    ['http://localhost/', dev, false],
    ['https://localhost:5173/', dev, false],
    ['http://127.0.0.1:5173/', dev, false],
    ['ws://localhost:5173/', dev, false],
    ['http://localhost:5173evil/', dev, false],
    [built, dev, false],
    // never a page of ours
    ['javascript:alert(1)', dev, false],
    ['data:text/html,<script>1</script>', dev, false],
    ['about:blank', dev, false],
    ['about:blank', built, false],
    ['', dev, false],
    ['not a url', built, false],
  ])('%s against %s → %s', (url, base, expected) => {
    expect(isTrustedRendererUrl(url, base)).toBe(expected)
  })

  test.each([['data:text/html,x'], ['about:blank'], ['not a url'], ['']])('a renderer base of %j trusts nothing, not even itself', (base) => {
    expect(isTrustedRendererUrl(base, base)).toBe(false)
  })
})
