import { existsSync } from 'node:fs'

/**
 * Entry of `npm run bench` (`-- --json` for one JSON object per figure): runs each bench
 * module in turn. A module exports `run(): Promise<void>` that calls `report` (harness.ts).
 * A module whose file is not there yet is skipped with a line on stderr; one that throws
 * (its sanity check failed) is reported and makes the exit code non-zero, and the rest still run.
 */
// The first figure is the first sync of the demo municipality (issue: walking skeleton).
const MODULES = ['./sync.ts', './rules.ts', './push.ts', './reports.ts']

for (const path of MODULES) {
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
