import { describe, expect, test } from 'vitest'
import { computed } from 'vue'
import { currentOf, formatDate, formatDateTime, isInForce, setDeviceToday, todayIso } from './format'

describe('dates shown as dd.mm.åååå (D5)', () => {
  test.each([
    ['2024-02-29', '29.02.2024'],
    ['1999-12-31', '31.12.1999'],
    [null, '–'],
    ['2024-02-29T23:30:00Z', '29.02.2024'],
    ['ukjend', 'ukjend'],
  ])('%s → %s', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown)
  })

  test.each([
    ['2024-05-17T08:05:00', '17.05.2024 08:05'],
    ['not a time', 'not a time'],
    [null, '–'],
  ])('timestamp %s → %s', (iso, shown) => {
    expect(formatDateTime(iso)).toBe(shown)
  })
})

describe('the current row of a base-data history (Grunndata detaljar)', () => {
  const r = (id: string, validFrom: string, validTo: string | null) => ({ id, validFrom, validTo })
  const today = '2025-06-15'
  test.each([
    ['the open-ended row in force wins over an older ended one', [r('a', '2020-01-01', '2022-12-31'), r('b', '2023-01-01', null)], 'b'],
    ['a row ending today is still in force', [r('a', '2020-01-01', '2025-06-15'), r('b', '2025-07-01', null)], 'a'],
    ['a future row is not current while an older row is in force', [r('a', '2020-01-01', null), r('b', '2026-01-01', null)], 'a'],
    ['with none in force the newest row is shown', [r('a', '2019-01-01', '2020-01-01'), r('b', '2021-01-01', '2022-01-01')], 'b'],
  ])('%s', (_name, rows, id) => {
    expect(currentOf(rows, today)?.id).toBe(id)
  })
  test('an empty history has no current row', () => {
    expect(currentOf([], today)).toBeNull()
  })
  test('isInForce tells an ended row from a current one', () => {
    expect(isInForce(r('a', '2020-01-01', '2025-06-14'), today)).toBe(false)
    expect(isInForce(r('a', '2025-06-15', null), today)).toBe(true)
  })
})

describe("the screens' today follows main's date (issue 6 point 7)", () => {
  test('a computed that used today is computed again when main says the date turned at midnight', () => {
    setDeviceToday('2026-12-01')
    const current = computed(
      () =>
        currentOf([
          { id: 'old', validFrom: '2020-01-01', validTo: '2026-12-01' },
          { id: 'new', validFrom: '2026-12-02', validTo: null },
        ])?.id,
    )
    expect(current.value).toBe('old')
    setDeviceToday('2026-12-02')
    expect(current.value).toBe('new')
    expect(todayIso()).toBe('2026-12-02')
  })
})
