import { existsSync } from 'node:fs'

/**
 * Entry of `npm run bench` (`-- --json` for one JSON object per figure): runs each bench
 * module in turn. A module exports `run(): Promise<void>` that calls `report` (harness.ts).
 * A module whose file is not there yet is skipped with a line on stderr; one that throws
 * (its sanity check failed) is reported and makes the exit code non-zero, and the rest still run.
 * Names given on the command line (`push`, `reports`, …) run only those modules.
 */
// The first figure is the first sync of the demo municipality (issue: walking skeleton).
const MODULES = ['./sync.ts', './rules.ts', './push.ts', './reports.ts']
// Run only when named: `npm run bench -- scale` (issue 12.4–6, tens of minutes at 20,000 persons).
const NAMED_ONLY = ['./scale.ts']
// `npm run bench -- push` runs only the modules whose name is given (any non-flag argument).
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const selected = only.length ? [...MODULES, ...NAMED_ONLY].filter((m) => only.some((o) => m === `./${o}.ts`)) : MODULES
if (only.length && selected.length !== only.length) {
  console.error(`bench: unknown module in ${only.join(', ')}; known: ${[...MODULES, ...NAMED_ONLY].map((m) => m.slice(2, -3)).join(', ')}`)
  process.exit(2)
}

for (const path of selected) {
  const url = new URL(path, import.meta.url)
  if (!existsSync(url)) {
    console.error(`bench: skipping ${path} (not there yet)`)
    continue
  }
  try {
    const mod = (await import(url.href)) as { run?: () => Promise<void> }
    if (typeof mod.run !== 'function') throw new Error(`${path} exports no run()`)
    await mod.run()
  } catch (e) {
    console.error(`bench: ${path} failed:`, e)
    process.exitCode = 1
  }
}
