import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { generateDemoNdjson } from '../src/server/demo/generate'
import { osloToday } from '../src/server/demo/load'

/**
 * Synthetic base data for benchmarks and imports:
 * `npm run gen -- --persons 5000 --municipality 4601 [--seed 1] [--today 2026-01-15] [--out file]`.
 * Writes NDJSON to `--out` or stdout; the same arguments give the same file.
 */
const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '2000' },
    municipality: { type: 'string', default: '4601' },
    seed: { type: 'string', default: '1' },
    today: { type: 'string' },
    out: { type: 'string' },
  },
})
const text = generateDemoNdjson({
  seed: Number(values.seed),
  today: values.today ?? osloToday(),
  municipalities: [{ code: values.municipality!, count: Number(values.persons) }],
})
if (values.out) {
  writeFileSync(values.out, text)
  console.error(`${text.split('\n').length - 1} lines written to ${values.out}`)
} else {
  process.stdout.write(text)
}
