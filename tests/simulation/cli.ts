import { parseArgs } from 'node:util'
import { describeFailure, pgliteTemplate, runSimulation, shrink, SimHost, simKinds, type SimResult } from './sim'
import { faultKinds } from './transport'

/**
 * `npm run simulate -- --runs 10000 [--steps 40] [--seed 1] [--minutes M]`: the long run of the A9 sync
 * simulation on one register (PGlite in memory; `--database-url` for a PostgreSQL database
 * the runs may empty). Prints runs, steps, faults injected per kind, verdicts and
 * violations; each failure with its seed and shrunk action list. Exit code 1 on a violation.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    steps: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    'database-url': { type: 'string' },
    // Stop starting runs after this many minutes (the totals then cover the runs made).
    minutes: { type: 'string' },
  },
})
const runs = Number(values.runs)
const steps = Number(values.steps)
const first = Number(values.seed)
const deadline = values.minutes ? Date.now() + Number(values.minutes) * 60_000 : Infinity

const host = await SimHost.open(values['database-url'] ? { databaseUrl: values['database-url'] } : { dataDir: ':memory:', pgliteTemplate: await pgliteTemplate() })
const totals = { runs: 0, steps: 0, faults: {} as Record<string, number>, verdicts: {} as Record<string, number>, violations: 0 }
const add = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v
}
const started = Date.now()
// Ctrl-C or a kill ends the run in progress, then prints the totals of the runs made.
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true))
try {
  for (let seed = first; seed < first + runs && Date.now() < deadline && !stopping; seed++) {
    const r: SimResult = await runSimulation({ seed, steps, host })
    totals.runs++
    totals.steps += r.steps
    add(totals.faults, r.faults)
    add(totals.verdicts, r.verdicts)
    if (r.violations.length) {
      totals.violations += r.violations.length
      console.log(describeFailure(r, await shrink({ seed, steps, host }, r)))
    }
    if (totals.runs % 10 === 0) console.log(`… ${totals.runs} runs, ${totals.violations} violations, ${((Date.now() - started) / totals.runs / 1000).toFixed(1)} s per run`)
  }
} finally {
  await host.close()
}
console.log(`runs: ${totals.runs} (seeds ${first}–${first + totals.runs - 1})`)
console.log(`steps: ${totals.steps}`)
console.log(`faults injected: ${[...faultKinds, ...simKinds].map((k) => `${k} ${totals.faults[k] ?? 0}`).join(', ')}`)
console.log(
  `register verdicts: ${Object.entries(totals.verdicts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
)
console.log(`violations: ${totals.violations}`)
console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s (${((Date.now() - started) / totals.runs / 1000).toFixed(1)} s per run, base builds included)`)
process.exit(totals.violations ? 1 : 0)
