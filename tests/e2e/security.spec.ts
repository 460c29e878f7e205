import { createServer, type Server } from 'node:http'
import type { Page } from '@playwright/test'
import { AppShellPage } from './pages/AppShellPage'
import { LoginPage } from './pages/LoginPage'
import { inMunicipality } from './support/choose'
import { importOnRegister } from './support/register-import'
import { DEMO_PASSWORD, expect, test } from './support/fixtures'
import { freePort } from './support/processes'

const USER = 'intro'

/**
 * Issue 6 point 13a in a real browser: a page on another origin (another port on 127.0.0.1,
 * as any local web app or a page that found the port would be) tries what worked before the
 * fix — a bodyless cross-site form POST, `no-cors` fetches of `sync.confirmScopeExits` and
 * `session.logout`, a CORS fetch with JSON, and framing the app — and nothing happens.
 */
function attackPage(host: string): string {
  return `<!doctype html><html><head><title>attacker</title></head><body>
<form id="logout" method="POST" action="${host}/api/session.logout" enctype="text/plain"><input name="x" value="y"></form>
<iframe id="frame" src="${host}/"></iframe>
<script>
window.results = {};
const hit = (name, init) => fetch('${host}/api/' + name, init).then((r) => r.type + ':' + r.status, (e) => 'failed:' + e.name);
(async () => {
  results.confirmNoCors = await hit('sync.confirmScopeExits', { method: 'POST', mode: 'no-cors' });
  results.confirmNoCorsText = await hit('sync.confirmScopeExits', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' });
  results.logoutCors = await hit('session.logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  results.done = true;
})();
</script></body></html>`
}

async function serveAttacker(host: string): Promise<{ url: string; server: Server }> {
  const port = await freePort()
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackPage(host)))
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok))
  return { url: `http://127.0.0.1:${port}`, server }
}

/**
 * Content-Security-Policy violations the page reports, collected from its first script on.
 * (Browser code as strings: the test side compiles without the DOM library.)
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(`window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI))`)
  return () => page.evaluate<string[]>('window.cspViolations')
}

test('13a the app runs under its Content-Security-Policy without a violation', async ({ page }) => {
  const violations = await watchCsp(page)
  const login = new LoginPage(page)
  await login.resetSession()
  await login.ensureLoggedIn(USER, DEMO_PASSWORD)
  await new AppShellPage(page).go('persons')
  expect(await violations()).toEqual([])
})

test('13a a page on another origin can neither confirm scope exits, nor log the caseworker out, nor frame the app', async ({ page, context, stack }) => {
  await new LoginPage(page).ensureLoggedIn(USER, DEMO_PASSWORD)
  const shell = new AppShellPage(page)
  await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
  const bergen = inMunicipality(await stack.scope(USER), '4601')
  const movers = bergen.slice(0, Math.ceil(bergen.length * 0.4))
  const banner = page.getByTestId('scope-exits')
  const attacker = await serveAttacker(stack.baseURL)
  try {
    // A pending scope-exit confirmation: the one the attack wants to make for the caseworker.
    await importOnRegister(
      stack.registerUrl,
      movers.map((p) => ({ ...p, followUpMunicipality: '0301', followUpDistrict: null, followUpByAgreement: false })),
    )
    await shell.syncChip.click()
    await expect(banner).toBeVisible()

    const evil = await context.newPage()
    const refusals: number[] = []
    evil.on('response', (r) => {
      if (r.url().startsWith(`${stack.baseURL}/api/`)) refusals.push(r.status())
    })
    await evil.goto(attacker.url)
    await expect.poll(() => evil.evaluate<boolean | undefined>('window.results.done')).toBe(true)
    const results = await evil.evaluate<Record<string, unknown>>('window.results')
    // Nothing readable comes back: a no-cors answer is opaque or (Cross-Origin-Resource-Policy)
    // blocked, and the CORS fetch fails its preflight.
    for (const r of [results.confirmNoCors, results.confirmNoCorsText, results.logoutCors]) expect(r).toMatch(/^(opaque:0|failed:TypeError)$/)
    // The framed app never loads: frame-ancestors 'none' (the page with the secret stays out of reach).
    const framed = evil.frames().find((f) => f !== evil.mainFrame())
    expect(
      await framed
        ?.locator('meta[name="nir-host-secret"]')
        .count()
        .catch(() => 0),
    ).toBe(0)
    // The bodyless cross-site form POST navigates the attacker's tab to our refusal.
    const navigation = evil.waitForResponse((r) => r.url() === `${stack.baseURL}/api/session.logout` && r.request().method() === 'POST')
    await evil.evaluate("document.getElementById('logout').submit()")
    expect((await navigation).status()).toBe(403)
    // Every answer the browser let the test see was a refusal (fetches blocked by CORP or a
    // failed preflight show no response at all).
    expect(refusals).toContain(403)
    expect(refusals.every((s) => s === 403)).toBe(true)
    await evil.close()

    // Nothing happened: still logged in, the confirmation still waits for the caseworker.
    expect(await new LoginPage(page).whoAmI()).toBe(USER)
    await page.reload()
    await expect(shell.menu).toBeVisible()
    await expect(banner).toBeVisible()
    await expect(shell.syncChip).not.toHaveAttribute('data-state', 'upToDate')
  } finally {
    attacker.server.close()
    // Put things back as the other specs expect: confirm here, then the persons move home.
    if (await banner.isVisible()) await page.getByTestId('confirm-scope-exits').click()
    await expect(banner).toBeHidden()
    await importOnRegister(stack.registerUrl, movers)
    await shell.syncChip.click()
    await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
  }
})
