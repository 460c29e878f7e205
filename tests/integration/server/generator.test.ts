import { describe, expect, test } from 'vitest'
import { generateDemoNdjson } from '../../../src/server'
import { validateDuf, validateNationalId } from '../../../src/shared/ids'
import { entitySchemas } from '../../../src/shared/sync'
import type { EntityName } from '../../../src/shared/sync'
import { parseLines } from './fixtures'

const today = '2025-11-20'
const opts = (seed: number) => ({
  seed,
  today,
  municipalities: [
    { code: '4601', count: 300 },
    { code: '0301', count: 40 },
    { code: '5001', count: 30 },
  ],
})
const text = generateDemoNdjson(opts(1))
const lines = parseLines(text)
const persons = lines.filter((l) => l.type === 'person')
const rowsOf = (type: string, personId: unknown) => lines.filter((l) => l.type === type && l.personId === personId)

describe('demo generator', () => {
  test('the same seed gives the same text; another seed another', () => {
    expect(generateDemoNdjson(opts(1))).toBe(text)
    expect(generateDemoNdjson(opts(2))).not.toBe(text)
  })

  test('each municipality follows up exactly the asked number of persons', () => {
    const by = (m: string) => persons.filter((p) => p.followUpMunicipality === m).length
    expect([by('4601'), by('0301'), by('5001')]).toEqual([300, 40, 30])
  })

  test('R2.1/R2.2 every national id is a valid synthetic number and every DUF is valid and unique; some persons have no national id', () => {
    const ids = persons.map((p) => p.nationalId).filter((x): x is string => x !== null)
    for (const id of ids) expect([id, validateNationalId(id, { allowSynthetic: true })]).toMatchObject([id, { valid: true, synthetic: true }])
    for (const id of ids) expect(validateNationalId(id, { allowSynthetic: false }).valid).toBe(false)
    for (const p of persons) expect([p.duf, validateDuf(String(p.duf))]).toEqual([p.duf, { valid: true }])
    expect(new Set(persons.map((p) => p.duf)).size).toBe(persons.length)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeLessThan(persons.length)
  })

  test('every line passes the shared schema and nothing happened after today (only permits may run beyond it)', () => {
    const future: string[] = []
    for (const l of lines) {
      const { type, ...row } = l
      expect(entitySchemas[type as EntityName].safeParse(row).success).toBe(true)
      for (const [k, v] of Object.entries(row)) {
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v > today && !(type === 'permit' && k === 'validTo')) future.push(`${type}.${k}=${v}`)
      }
    }
    expect(future).toEqual([])
  })

  test('histories are consistent: address periods chain, the current address places the follow-up, permits renewed in order', () => {
    for (const p of persons) {
      const addresses = rowsOf('address', p.id)
      expect(addresses.length).toBeGreaterThan(0)
      for (let i = 1; i < addresses.length; i++) expect(addresses[i - 1].validTo! < String(addresses[i].validFrom)).toBe(true)
      const current = addresses[addresses.length - 1]
      expect(current.validTo).toBeNull()
      if (!p.followUpByAgreement) expect([current.municipality, current.district]).toEqual([p.followUpMunicipality, p.followUpDistrict])
      const permits = rowsOf('permit', p.id)
      expect(permits.length).toBeGreaterThan(0)
      for (let i = 1; i < permits.length; i++) expect(String(permits[i].validFrom) > String(permits[i - 1].validFrom)).toBe(true)
    }
    expect(persons.some((p) => rowsOf('permit', p.id).length > 1)).toBe(true)
    expect(persons.some((p) => p.followUpMunicipality === '4601' && rowsOf('address', p.id).some((a) => a.municipality !== '4601'))).toBe(true)
  })

  test('D3 family reunification links to a settled refugee at the same address; asylum seekers live in reception', () => {
    const family = persons.filter((p) => rowsOf('permit', p.id).some((r) => r.groundCode === 'FAM_FLYKTNING'))
    expect(family.length).toBeGreaterThan(3)
    for (const f of family) {
      const s = rowsOf('settlement', f.id)[0]
      expect([s.familyReunification, s.byAgreement]).toEqual([true, false])
      const home = rowsOf('address', f.id)[0]
      const anchor = persons.find((p) => p !== f && rowsOf('settlement', p.id).some((x) => x.byAgreement) && rowsOf('address', p.id).some((a) => a.street === home.street))
      expect(anchor).toBeDefined()
    }
    const asylum = persons.filter((p) => rowsOf('permit', p.id).some((r) => r.groundCode === 'ASYLSOKAR'))
    expect(asylum.length).toBeGreaterThan(10)
    for (const a of asylum) {
      expect(a.receptionCentre).not.toBeNull()
      expect(rowsOf('address', a.id).map((x) => x.source)).toEqual(['UDB'])
      expect(rowsOf('settlement', a.id)).toEqual([])
    }
  })

  test('names carry æ/ø/å and accents in some persons; test results, grants and citizenship changes exist', () => {
    const names = persons.map((p) => `${p.firstName} ${p.middleName ?? ''} ${p.lastName}`).join(' ')
    expect(names).toMatch(/[æøåÆØÅ]/)
    expect(names).toMatch(/[éèëêâî]/)
    expect(lines.some((l) => l.type === 'testResult')).toBe(true)
    expect(lines.some((l) => l.type === 'grant')).toBe(true)
    expect(persons.some((p) => rowsOf('citizenship', p.id).length > 1)).toBe(true)
  })
})
