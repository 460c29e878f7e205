/**
 * Benchmark harness (`npm run bench`): every figure is printed beside a baseline measured in
 * the same run, because absolute times drift on shared machines while ratios hold.
 * `--json` prints one JSON object per line: {"name","value","unit","baseline","ratio"}.
 */
export interface Figure {
  name: string
  value: number
  unit: string
  /** The same-run baseline the value is compared with (same unit). */
  baseline: number
  /** What the baseline measures, for the human-readable output. */
  baselineLabel: string
}

export const json = process.argv.includes('--json')

export function report(f: Figure): void {
  const ratio = f.baseline === 0 ? null : round(f.value / f.baseline, 3)
  if (json) {
    console.log(JSON.stringify({ name: f.name, value: round(f.value, 3), unit: f.unit, baseline: round(f.baseline, 3), ratio }))
  } else {
    console.log(
      `${f.name.padEnd(44)} ${fmt(f.value).padStart(12)} ${f.unit.padEnd(6)} baseline ${fmt(f.baseline).padStart(12)} ${f.unit.padEnd(6)} ratio ${ratio ?? '–'}  (${f.baselineLabel})`,
    )
  }
}

export function log(msg: string): void {
  if (!json) console.log(msg)
  else console.error(msg)
}

/** Median and 99th percentile of repeated timings of `fn`, in milliseconds. */
export function timeMany(fn: () => unknown, runs: number): { median: number; p99: number } {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] }
}

export async function timeOnce<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now()
  const value = await fn()
  return { ms: performance.now() - t, value }
}

function round(n: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4)
}
