import { describe, expect, test } from 'vitest'
import type { Role } from '../domain/user'
import { backRegistrationLimit, clockDiffers, eventDateReasons, judgedTime, osloDate, osloOffsetMs, parseTimestamp } from './window'

const HOUR = 3_600_000

describe('R11.11 recordedAt is judged by its calendar date in Europe/Oslo', () => {
  test.each([
    ['winter 23:30 UTC is the next day in Oslo (UTC+1)', '2025-01-15T23:30:00Z', '2025-01-16'],
    ['winter 22:59 UTC is still the same day', '2025-01-15T22:59:59Z', '2025-01-15'],
    ['summer 23:30 UTC is the next day in Oslo (UTC+2)', '2025-07-15T23:30:00Z', '2025-07-16'],
    ['summer 21:59 UTC is the same day', '2025-07-15T21:59:59Z', '2025-07-15'],
    ['summer 22:00 UTC is already the next day', '2025-07-15T22:00:00Z', '2025-07-16'],
    ['year end 23:30 UTC is 1 January in Oslo', '2025-12-31T23:30:00Z', '2026-01-01'],
    ['month end 31 May 23:30 UTC is 1 June', '2025-05-31T23:30:00Z', '2025-06-01'],
    ['an explicit +02:00 offset is honoured', '2025-06-01T01:30:00+02:00', '2025-06-01'],
    ['an explicit -05:00 offset is honoured', '2025-06-01T20:30:00-05:00', '2025-06-02'],
    ['fractions of seconds are accepted', '2024-02-29T12:00:00.123Z', '2024-02-29'],
  ])('R11.11 %s', (_name, ts, expected) => {
    expect(osloDate(ts)).toBe(expected)
  })

  test.each([
    ['last Sunday of March 00:59:59 UTC is still winter time', '2025-03-30T00:59:59Z', 1],
    ['last Sunday of March 01:00 UTC starts summer time', '2025-03-30T01:00:00Z', 2],
    ['last Sunday of October 00:59:59 UTC is still summer time', '2025-10-26T00:59:59Z', 2],
    ['last Sunday of October 01:00 UTC returns to winter time', '2025-10-26T01:00:00Z', 1],
    ['2024 summer time starts 31 March (a Sunday that is the month end)', '2024-03-31T01:00:00Z', 2],
    ['2024 before summer time on 30 March', '2024-03-30T12:00:00Z', 1],
  ])('R11.11 %s', (_name, ts, hours) => {
    expect(osloOffsetMs(parseTimestamp(ts) as number)).toBe(hours * HOUR)
  })

  // Both switches of 2025 and 2026 (last Sunday of March/October, 01:00 UTC) and the minutes
  // around Oslo and UTC midnight: the Oslo date is what R8.1's window is counted from.
  test.each([
    ['2025 spring: 00:59:59 UTC on 30 Mar is 01:59:59 winter time', '2025-03-30T00:59:59Z', 1, '2025-03-30'],
    ['2025 spring: 01:00 UTC on 30 Mar is 03:00 summer time', '2025-03-30T01:00:00Z', 2, '2025-03-30'],
    ['2025 autumn: 00:59:59 UTC on 26 Oct is 02:59:59 summer time', '2025-10-26T00:59:59Z', 2, '2025-10-26'],
    ['2025 autumn: 01:00 UTC on 26 Oct is 02:00 winter time', '2025-10-26T01:00:00Z', 1, '2025-10-26'],
    ['2026 spring: 00:59:59 UTC on 29 Mar is still winter time', '2026-03-29T00:59:59Z', 1, '2026-03-29'],
    ['2026 spring: 01:00 UTC on 29 Mar starts summer time', '2026-03-29T01:00:00Z', 2, '2026-03-29'],
    ['2026 autumn: 00:59:59 UTC on 25 Oct is still summer time', '2026-10-25T00:59:59Z', 2, '2026-10-25'],
    ['2026 autumn: 01:00 UTC on 25 Oct returns to winter time', '2026-10-25T01:00:00Z', 1, '2026-10-25'],
    ['2026 the evening before spring-forward: 22:59:59 UTC on 28 Mar is 23:59:59 in Oslo', '2026-03-28T22:59:59Z', 1, '2026-03-28'],
    ['2026 the evening before spring-forward: 23:00 UTC on 28 Mar is Oslo midnight', '2026-03-28T23:00:00Z', 1, '2026-03-29'],
    ['2026 first summer-time midnight: 21:59:59 UTC on 29 Mar is 23:59:59 in Oslo', '2026-03-29T21:59:59Z', 2, '2026-03-29'],
    ['2026 first summer-time midnight: 22:00 UTC on 29 Mar is 30 Mar in Oslo', '2026-03-29T22:00:00Z', 2, '2026-03-30'],
    ['2026 last summer-time midnight: 22:00 UTC on 24 Oct is 25 Oct in Oslo', '2026-10-24T22:00:00Z', 2, '2026-10-25'],
    ['2026 first winter-time midnight: 22:59:59 UTC on 25 Oct is still 25 Oct', '2026-10-25T22:59:59Z', 1, '2026-10-25'],
    ['2026 first winter-time midnight: 23:00 UTC on 25 Oct is 26 Oct', '2026-10-25T23:00:00Z', 1, '2026-10-26'],
    ['UTC midnight is 01:00 the same day in winter', '2026-01-01T00:00:00Z', 1, '2026-01-01'],
    ['UTC midnight is 02:00 the same day in summer', '2026-07-01T00:00:00Z', 2, '2026-07-01'],
  ])('R8.1/A5 %s', (_name, ts, hours, date) => {
    expect(osloOffsetMs(parseTimestamp(ts) as number)).toBe(hours * HOUR)
    expect(osloDate(ts)).toBe(date)
  })

  // The conversion must not read the machine's own zone (a laptop set to another zone, a CI
  // runner in UTC); Node re-reads TZ when it is assigned, so this exercises the real path.
  test.each(['UTC', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata'])('R11.11 the Oslo date is the same on a machine in %s', (zone) => {
    const saved = process.env.TZ
    try {
      process.env.TZ = zone
      expect([osloDate('2026-03-28T23:00:00Z'), osloDate('2026-10-25T22:59:59Z'), osloDate('2026-07-15T22:00:00Z')]).toEqual(['2026-03-29', '2026-10-25', '2026-07-16'])
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  test.each([
    ['no offset (local time is ambiguous)', '2025-06-01T10:00:00'],
    ['a date that does not exist', '2025-02-30T10:00:00Z'],
    ['hour 24', '2025-02-10T24:00:00Z'],
    ['a plain date', '2025-02-10'],
  ])('R11.11 refuses a malformed timestamp: %s', (_name, ts) => {
    expect(osloDate(ts)).toBeNull()
  })
})

describe('A5 / R8.2 bounds on the recorded time', () => {
  const server = '2025-06-10T12:00:00Z'
  test.each([
    ['device judging its own save takes the recorded time', { recordedAt: '2025-06-09T23:30:00Z' }, '2025-06-10', 'recorded'],
    ['server trusts a time inside the bounds', { recordedAt: '2025-06-01T08:00:00Z', serverTime: server, lastSyncAt: '2025-05-20T08:00:00Z' }, '2025-06-01', 'recorded'],
    ['server trusts exactly server time + 5 minutes', { recordedAt: '2025-06-10T12:05:00Z', serverTime: server }, '2025-06-10', 'recorded'],
    ['server judges at its own time when recorded > server + 5 min', { recordedAt: '2025-06-10T22:30:00Z', serverTime: server }, '2025-06-10', 'server'],
    ['server trusts exactly last sync − 5 minutes', { recordedAt: '2025-05-20T07:55:00Z', serverTime: server, lastSyncAt: '2025-05-20T08:00:00Z' }, '2025-05-20', 'recorded'],
    [
      'server judges at its own time when recorded < last sync − 5 min',
      { recordedAt: '2025-05-20T07:54:59Z', serverTime: server, lastSyncAt: '2025-05-20T08:00:00Z' },
      '2025-06-10',
      'server',
    ],
  ])('A5 %s', (_name, ctx, date, basis) => {
    const r = judgedTime({ today: '2025-06-10', ...ctx })
    expect(r).toEqual({ date, basis, errors: [] })
  })

  test.each([
    ['before 2000', { recordedAt: '1999-12-31T22:59:59Z', serverTime: server }, 'RECORDED_AT_IMPLAUSIBLE'],
    ['far in the future for the server', { recordedAt: '2025-06-12T12:00:01Z', serverTime: server }, 'RECORDED_AT_IMPLAUSIBLE'],
    ['far in the future for the device', { recordedAt: '2030-01-01T00:00:00Z' }, 'RECORDED_AT_IMPLAUSIBLE'],
    ['malformed', { recordedAt: 'yesterday' }, 'RECORDED_AT_INVALID'],
  ])('A5 refuses a recorded time %s with its own code', (_name, ctx, code) => {
    const r = judgedTime({ today: '2025-06-10', ...ctx })
    expect(r.date).toBeNull()
    expect(r.errors).toEqual([expect.objectContaining({ code, field: 'recordedAt' })])
  })
})

describe('R8.1 back-registration window (2 months, R1.4)', () => {
  const caseworker: Role[] = ['kommuneintro']
  test.each([
    ['31 Mar reaches back to 31 Jan', '2025-03-31', '2025-01-31'],
    ['30 Apr reaches back to 28 Feb (clamped)', '2025-04-30', '2025-02-28'],
    ['30 Apr in a leap year reaches back to 29 Feb', '2024-04-30', '2024-02-29'],
    ['15 Jan reaches back over the year end to 15 Nov', '2025-01-15', '2024-11-15'],
  ])('R8.1 limit: %s', (_name, judged, limit) => {
    expect(backRegistrationLimit(judged)).toBe(limit)
  })

  test.each([
    ['exactly at the 2-month boundary is allowed', '2025-01-31', caseworker, []],
    ['one day before the boundary is refused', '2025-01-30', caseworker, ['BACK_REGISTRATION_WINDOW']],
    ['kommuneetterregistrering lifts the window', '2024-01-01', ['kommuneintro', 'kommuneetterregistrering'] as Role[], []],
    ['kommunenirsuperbrukar lifts the window (R11.11)', '2024-01-01', ['kommunenirsuperbrukar'] as Role[], []],
  ])('R8.1 %s', (_name, date, roles, codes) => {
    const r = eventDateReasons({ date, field: 'decisionDate', mayBeFuture: false }, '2025-03-31', '2025-03-31', roles)
    expect(r.map((x) => x.code)).toEqual(codes)
  })

  test('R8.1 + R11.11 a save at 23:30 UTC on 31 Mar counts as 1 Apr in Oslo, so 31 Jan is outside', () => {
    const judged = judgedTime({ recordedAt: '2025-03-31T23:30:00Z', today: '2025-04-01' })
    expect(judged.date).toBe('2025-04-01')
    const r = eventDateReasons({ date: '2025-01-31', field: 'date', mayBeFuture: false }, judged.date as string, '2025-04-01', caseworker)
    expect(r).toEqual([{ code: 'BACK_REGISTRATION_WINDOW', field: 'date', values: { date: '2025-01-31', limit: '2025-02-01' } }])
  })
})

describe('R8.3 event dates in the future', () => {
  test.each([
    ['a future event date is refused', '2025-04-01', false, ['EVENT_DATE_IN_FUTURE']],
    ['today is allowed', '2025-03-31', false, []],
    ['a planned start date may be in the future', '2025-09-01', true, []],
  ])('R8.3 %s', (_name, date, mayBeFuture, codes) => {
    const r = eventDateReasons({ date, field: 'startDate', mayBeFuture }, '2025-03-31', '2025-03-31', ['kommuneintro'])
    expect(r.map((x) => x.code)).toEqual(codes)
  })
})

describe('A5 device clock differs from the register', () => {
  test.each([
    { offsetMs: 0, differs: false },
    { offsetMs: 5 * 60_000, differs: false },
    { offsetMs: -5 * 60_000, differs: false },
    { offsetMs: 5 * 60_000 + 1, differs: true },
    { offsetMs: -(5 * 60_000 + 1), differs: true },
  ])('A5 an offset of $offsetMs ms differs: $differs (tolerance 5 minutes, inclusive)', ({ offsetMs, differs }) => {
    expect(clockDiffers(offsetMs)).toBe(differs)
  })
})
