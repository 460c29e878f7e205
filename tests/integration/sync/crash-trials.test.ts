import { describe, expect, test } from 'vitest'
import { checkTrial, runCrashTrials } from '../../../scripts/crash-trials'
import { backends } from '../server/backends'

/**
 * A9 process-level crashes, bounded for CI: five seeded trials of `scripts/crash-trials.ts`
 * (a real device in a child process, SIGKILLed during saves and pushes, restarted, finished
 * against a real register on PGlite). The README has the figure of a 100-trial run.
 */

describe('A9 SIGKILL crash trials', () => {
  test('A9 a device killed during a save or a push loses no committed save and applies none twice (5 seeded trials)', async () => {
    const lines: string[] = []
    const report = await runCrashTrials({ trials: 5, seed: 20261201, log: (l) => lines.push(l) })
    expect(report.violations, lines.join('\n')).toEqual([])
    expect(report.trials).toBe(5)
    expect(report.killedDuringSave + report.killedDuringPush + report.killedBetween).toBe(5)
    expect(report.committed).toBeGreaterThan(0)
  }, 600_000)

  // The checker must be able to say no, or the trials above prove nothing.
  const [pglite] = backends()
  test.each([
    ['a committed save missing from the outbox', ['m-lost'], [], 'committed m-lost is not in the outbox'],
    ['a committed save left rejected', ['m1'], [{ id: 'm1', seq: 1, state: 'rejected', command: 'x' }], 'committed m1 ended rejected'],
    [
      'a gap in the outbox seq',
      [],
      [
        { id: 'm1', seq: 1, state: 'pending', command: 'x' },
        { id: 'm3', seq: 3, state: 'pending', command: 'x' },
      ],
      'outbox seq gap between 1 and 3',
    ],
    ['a row applied on the device the register never saw', [], [{ id: 'm9', seq: 1, state: 'applied', command: 'x' }], 'm9 applied on the device, unknown to the register'],
  ])(
    'A9 the crash check reports %s',
    async (_name, committed, outbox, violation) => {
      const db = await pglite.open()
      expect(await checkTrial(db.db, committed, outbox)).toContain(violation)
    },
    120_000,
  )
})
