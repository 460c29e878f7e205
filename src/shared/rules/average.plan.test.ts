import { describe, expect, test } from 'vitest'
import type { Measure } from '../domain/registrations'
import { programmeAverage, programmeNorm, programmePlan } from './average'
import { programmeFacts } from './checks/programme'
import { snapshot } from './check-command.fixture'

/**
 * R5.4: the plan as the rules read it (`programmePlan`, what `PersonView.introPlan` carries to
 * the screens) and the norm it gives (`programmeNorm`) are the ones the checks and the average
 * use, so a screen showing them cannot disagree with the save's warning.
 */
const m = (hours: number): Measure => ({
  id: 'm',
  personId: 'p',
  groupCode: 'ARBEID',
  measureCode: 'ARBEIDSPRAKSIS',
  fromDate: '2025-03-03',
  toDate: '2025-03-16',
  hoursPerWeek: hours,
})

describe('programmePlan / programmeNorm (R5.4)', () => {
  test.each([
    ['no plan registered', undefined, false, 37.5],
    ['a plan not marked self-study', { selfStudy: false }, false, 37.5],
    ['a plan marked sjølvstudium', { selfStudy: true }, true, 30],
  ] as const)('R5.4 %s → self-study %s, norm %s, the same as the checks and the average use', (_name, plan, selfStudy, norm) => {
    const s = { ...snapshot(), plan }
    expect(programmePlan(s)).toEqual({ selfStudy })
    expect(programmeNorm('2025-03-03', programmePlan(s))).toBe(norm)
    expect(programmeFacts(s, null).selfStudy).toBe(selfStudy)
    expect(programmeAverage([m(32)], [], [], { fromDate: '2025-03-03', toDate: '2025-03-16' }, programmePlan(s)).norm).toBe(norm)
  })
})
