import { describe, expect, it } from 'vitest'
import { ruleSettingsFromCodeList, type CodeListEntry, type PersonSnapshot } from '../../domain'
import { ruleSettings as initialRuleSettings } from '../../reference/rule-settings'
import { emptyBundle, type PersonBundle } from '../../sync'
import { evaluatePerson } from '../evaluate'
import { snapshotFromBase } from '../snapshot-builder'
import { person, stepKeys } from './test-helpers'
import { DEFAULT_SETTINGS, settingsOfSnapshot } from './settings'

/**
 * Issue 9 point 5: R12's settings come from the synced `ruleSetting` list through the snapshot
 * (`snapshotFromBase`), and the R12 boundaries that read them move when they move.
 */
const TODAY = '2026-12-01'

/** A `ruleSetting` entry as the register stores it. */
const entry = (code: string, value: unknown): CodeListEntry => ({
  id: `ruleSetting:${code}`,
  list: 'ruleSetting',
  code,
  nameNb: code,
  nameNn: code,
  data: { value },
  validFrom: null,
  validTo: null,
  sortOrder: 10,
})

/** The snapshot a device or the register builds when its list holds `entries`. */
const withList = (s: PersonSnapshot, entries: CodeListEntry[]): PersonSnapshot => ({ ...s, ruleSettings: ruleSettingsFromCodeList(entries) })

const regimeStep = (s: PersonSnapshot) => evaluatePerson(s, TODAY).regime.introNorsk.explanation.find((x) => x.key === 'int21Settings')

describe('R12.1.2 / J1: the 56–60 age band follows INT.rev2025.inForceFrom', () => {
  // E4: UTL28 granted 2024-06-10, settled by agreement 2025-01-15, born 1968-06-10 → 56 at grant.
  const s56 = person({ birthDate: '1968-06-10', permitFrom: '2024-06-10', settled: '2025-01-15', byAgreement: true })
  it.each([
    ['no list row (built-in default, not in force)', [], 'kan_tilbydast', 'default'],
    ['the register says not in force (null)', [entry('INT.rev2025.inForceFrom', null)], 'kan_tilbydast', 'register'],
    ['in force from the grant date 2024-06-10 (inclusive)', [entry('INT.rev2025.inForceFrom', '2024-06-10')], 'rett_og_plikt', 'register'],
    ['in force from the day after the grant, 2024-06-11', [entry('INT.rev2025.inForceFrom', '2024-06-11')], 'kan_tilbydast', 'register'],
    ['in force from 2024-01-01 (E4)', [entry('INT.rev2025.inForceFrom', '2024-01-01')], 'rett_og_plikt', 'register'],
    ['a malformed value (2024-02-30) is ignored: the default applies', [entry('INT.rev2025.inForceFrom', '2024-02-30')], 'kan_tilbydast', 'default'],
  ] as const)('%s → intro %s, origin %s in the log', (_n, entries, kind, origin) => {
    const s = withList(s56, [...entries])
    const e = evaluatePerson(s, TODAY)
    expect(e.categories.find((c) => c.scheme === 'intro')?.kind).toBe(kind)
    expect(regimeStep(s)?.values).toMatchObject({ rev2025Origin: origin })
  })
})

describe('R12.0.3 / J11: the chapter 6A window ends on INT_6A.lastGrantDate', () => {
  const utl34 = (granted: string) => person({ ground: 'UTL34', permitFrom: granted, settled: null })
  it.each([
    ['granted 2026-06-30, built-in default 2026-06-30', '2026-06-30', [], 'INT_6A', false],
    ['granted 2026-07-01, built-in default 2026-06-30', '2026-07-01', [], 'INTEGRERING_2021', true],
    ['granted 2026-07-01, register moved it to 2026-07-01', '2026-07-01', [entry('INT_6A.lastGrantDate', '2026-07-01')], 'INT_6A', false],
    ['granted 2026-07-02, register moved it to 2026-07-01', '2026-07-02', [entry('INT_6A.lastGrantDate', '2026-07-01')], 'INTEGRERING_2021', true],
    ['granted 2026-06-30, register moved it back to 2026-06-29', '2026-06-30', [entry('INT_6A.lastGrantDate', '2026-06-29')], 'INTEGRERING_2021', true],
  ] as const)('%s → %s (6aLapsedAssumed: %s)', (_n, granted, entries, regime, lapsed) => {
    const e = evaluatePerson(withList(utl34(granted), [...entries]), TODAY)
    expect(e.regime.introNorsk.regime).toBe(regime)
    expect(stepKeys(e.regime.introNorsk.explanation).includes('6aLapsedAssumed')).toBe(lapsed)
  })
})

describe('the calculation log names each setting with its value and origin', () => {
  const s = person({ permitFrom: '2024-06-10', settled: '2025-01-15' })
  it('built-in defaults when the list has no rows', () => {
    expect(regimeStep(s)).toEqual({
      rule: 'R12.0',
      key: 'int21Settings',
      values: { rev2025: 'notInForce', rev2025Origin: 'default', last6A: '2026-06-30', last6AOrigin: 'default' },
    })
  })
  it("the register's values when the list has them", () => {
    const listed = withList(s, [entry('INT.rev2025.inForceFrom', '2025-09-01'), entry('INT_6A.lastGrantDate', '2027-06-30')])
    expect(regimeStep(listed)?.values).toEqual({ rev2025: '2025-09-01', rev2025Origin: 'register', last6A: '2027-06-30', last6AOrigin: 'register' })
  })
  it('a 2003-act person reads no setting, so the log does not list them', () => {
    expect(regimeStep(person({ permitFrom: '2019-01-10' }))).toBeUndefined()
  })
})

describe('snapshotFromBase carries the settings from the code lists', () => {
  const bundle: PersonBundle = emptyBundle({
    id: 'p1',
    duf: '201425485701',
    dufCheckFailed: false,
    nationalId: null,
    regNumber: null,
    firstName: 'A',
    middleName: null,
    lastName: 'B',
    birthDate: '1990-01-01',
    sex: 'K',
    closed: false,
    arrivalDate: null,
    followUpMunicipality: '0301',
    followUpDistrict: null,
    receptionCentre: null,
  } as PersonBundle['person'])
  it('only the ruleSetting list is read, unknown keys and other lists are left out', () => {
    const lists = [
      entry('INT_6A.lastGrantDate', '2027-01-31'),
      entry('INT.unknown', '2027-01-01'),
      { ...entry('INT.rev2025.inForceFrom', '2025-01-01'), list: 'absenceType' as const },
    ]
    expect(snapshotFromBase(bundle, lists).ruleSettings).toEqual({ 'INT_6A.lastGrantDate': '2027-01-31' })
  })
  it("the initial list holds today's values, equal to the built-in defaults (origin register)", () => {
    const settings = settingsOfSnapshot(snapshotFromBase(bundle, initialRuleSettings))
    expect(settings).toEqual({
      'INT.rev2025.inForceFrom': { value: DEFAULT_SETTINGS['INT.rev2025.inForceFrom'].value, origin: 'register' },
      'INT_6A.lastGrantDate': { value: DEFAULT_SETTINGS['INT_6A.lastGrantDate'].value, origin: 'register' },
    })
  })
})
