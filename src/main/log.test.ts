import { DrizzleQueryError } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { redactingLogger } from './log'

/** Issue 11 point 8 on the device: its log lines carry no person, like the register's. */
const ola = { firstName: 'Ola', lastName: 'Nordmann', duf: '201425485701', nationalId: '01419012345', birthDate: '1990-05-17' }
const personal = Object.values(ola)

function capture() {
  const lines: string[] = []
  const log = redactingLogger({ log: (l) => void lines.push(l), error: (l) => void lines.push(l) })
  return { log, text: () => lines.join('\n') }
}

describe('issue 11 point 8: the device log has no names, DUF numbers or birth dates', () => {
  test.each([
    [
      'a failed replica query: parameters cut, SQL kept',
      (log: ReturnType<typeof redactingLogger>) =>
        log.error('persons.get failed', new DrizzleQueryError('select * from "persons" where "duf" = ?', personal, new Error('SQLITE_BUSY'))),
      ['persons.get failed', 'Failed query', '\\"persons\\"', 'SQLITE_BUSY'],
    ],
    [
      'an error quoting a value',
      (log: ReturnType<typeof redactingLogger>) => log.error('sync cycle failed', new Error(`invalid date "${ola.birthDate}" for "${ola.firstName} ${ola.lastName}"`)),
      ['sync cycle failed', 'invalid date'],
    ],
    [
      'a message with numbers and dates',
      (log: ReturnType<typeof redactingLogger>) => log.info(`look-up of ${ola.duf} (${ola.nationalId}) born ${ola.birthDate}`),
      ['look-up of <redacted>'],
    ],
    ['an object with personal fields', (log: ReturnType<typeof redactingLogger>) => log.error('listener failed', { person: ola, rows: 3 }), ['listener failed', '"rows":3']],
  ])('%s', (_name, write, kept) => {
    const { log, text } = capture()
    write(log)
    for (const k of kept) expect(text()).toContain(k)
    for (const p of personal) expect(text()).not.toContain(p)
  })
})
