#!/usr/bin/env node
// `npm test`: type-check, lint, unit + integration (vitest), end to end (Playwright on
// Debian Chromium); ends with one line `N passed, N failed` summed over the test runners.
// Type-check and lint failures count as failed checks (1 each) so they can't hide.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const only = process.argv.slice(2)
// Every register the test runners start appends its log here (src/server/start.ts); `log scan` reads it.
const REGISTER_LOG = resolve('test-results/register.log')
mkdirSync('test-results', { recursive: true })
if (!only.length || only.includes('vitest')) rmSync(REGISTER_LOG, { force: true })
process.env.NIR_REGISTER_LOG_FILE = REGISTER_LOG
const steps = [
  { name: 'tsc', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.node.json'] },
  { name: 'vue-tsc', cmd: 'npx', args: ['vue-tsc', '-p', 'tsconfig.web.json'] },
  // Renderer tests (stores against the real device services) need DOM and Node types at once.
  { name: 'vue-tsc tests', cmd: 'npx', args: ['vue-tsc', '-p', 'tsconfig.web-tests.json'] },
  { name: 'desktop build', cmd: 'npx', args: ['electron-vite', 'build'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'format', cmd: 'npx', args: ['prettier', '--check', '.'] },
  {
    name: 'vitest',
    cmd: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
    report: 'test-results/vitest.json',
  },
  { name: 'e2e', cmd: 'npx', args: ['playwright', 'test', '--reporter=list,json'], report: 'test-results/e2e.json', env: { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json' } },
  // Issue 11 point 10: the log of every register the tests above started holds no personal data.
  { name: 'log scan', cmd: 'npx', args: ['tsx', 'scripts/scan-register-log.ts', REGISTER_LOG] },
]

let passed = 0
let failed = 0
const summary = []
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue
  if (step.report) rmSync(step.report, { force: true })
  const started = Date.now()
  console.log(`\n▶ ${step.name}`)
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } })
  const secs = ((Date.now() - started) / 1000).toFixed(0)
  if (step.report && existsSync(step.report)) {
    const counts = step.name === 'e2e' ? playwrightCounts(step.report) : vitestCounts(step.report)
    passed += counts.passed
    failed += counts.failed
    // A runner that fails outside any test (an unhandled error, a failing global setup or
    // teardown) counts once, and the summary says so: the reason is in its output above.
    const outside = r.status !== 0 && counts.failed === 0
    if (outside) failed += 1
    const why = outside ? `, exit ${r.status ?? r.signal} outside any test${counts.errors ? `: ${counts.errors}` : ' (see its output above)'}` : ''
    summary.push(`${step.name}: ${counts.passed} passed, ${counts.failed} failed${why} (${secs} s)`)
  } else if (r.status === 0) {
    passed += 1
    summary.push(`${step.name}: ok (${secs} s)`)
  } else {
    failed += 1
    summary.push(`${step.name}: FAILED (${secs} s)`)
  }
}

function vitestCounts(file) {
  const r = JSON.parse(readFileSync(file, 'utf8'))
  // A file that failed to load has no failed test of its own: count it once.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles }
}
function playwrightCounts(file) {
  const r = JSON.parse(readFileSync(file, 'utf8'))
  // Errors outside tests (global setup or teardown, a worker that crashed) are listed apart.
  const errors = (r.errors ?? []).map((e) => (e.message ?? String(e)).split('\n')[0]).join('; ')
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, errors }
}

console.log('\n' + summary.join('\n'))
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
