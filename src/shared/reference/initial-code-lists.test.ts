import { describe, expect, test } from 'vitest'
import { codeListEntrySchema, codeListNames } from '../domain/code-list'
import { languageTrackSchema } from '../domain/registrations'
import { initialCodeLists } from './initial-code-lists'

const byList = (list: string) => initialCodeLists.filter((e) => e.list === list)
const get = (id: string) => initialCodeLists.find((e) => e.id === id)

describe('R10 initial code lists', () => {
  test.each([...codeListNames])('list %s is non-empty', (list) => expect(byList(list).length).toBeGreaterThan(0))

  test.each([...codeListNames])('list %s has unique codes and ids list:code', (list) => {
    const codes = byList(list).map((e) => e.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const e of byList(list)) expect(e.id).toBe(`${list}:${e.code}`)
  })

  test('every entry matches the schema and has nb and nn names', () => {
    for (const e of initialCodeLists) {
      expect(codeListEntrySchema.parse(e)).toEqual(e)
      expect(e.nameNb.trim()).not.toBe('')
      expect(e.nameNn.trim()).not.toBe('')
    }
  })

  test('ids are unique across lists', () => {
    expect(new Set(initialCodeLists.map((e) => e.id)).size).toBe(initialCodeLists.length)
  })
})

describe('R3.1 permit grounds', () => {
  test.each([
    ['UTL28', 'rett_og_plikt', 'rett_og_plikt', true, false],
    ['UTL38_5', 'rett_og_plikt', 'rett_og_plikt', true, false],
    ['FAM_FLYKTNING', 'rett_og_plikt', 'rett_og_plikt', false, false],
    ['UTL53', 'rett_og_plikt', 'rett_og_plikt', false, false],
    ['UTL38', null, 'rett_og_plikt', null, false],
    ['ARBEID', null, 'plikt', null, false],
    ['FAM_ARBEID', null, 'plikt', null, false],
    ['EOS', null, null, null, false],
    ['ASYLSOKAR', null, null, null, true],
  ])('%s: intro %s, norsk %s, agreement %s, asylum seeker %s', (code, intro, norsk, agreement, asylum) => {
    expect(get(`permitGround:${code}`)?.data).toEqual({
      introGroup: intro,
      norskGroup: norsk,
      asylumSeeker: asylum,
      needsSettlementAgreement: agreement,
    })
  })

  test('UTL38_5 applies from 2018-06-16', () => {
    expect(get('permitGround:UTL38_5')?.validFrom).toBe('2018-06-16')
  })
})

describe('R4 decision types and R10 attributes', () => {
  test('every decision type names its scheme and the statuses that offer it', () => {
    for (const e of byList('decisionType')) {
      expect(['norsk', 'intro']).toContain(e.data.scheme)
      expect((e.data.offeredWhen as string[]).length).toBeGreaterThan(0)
      expect(e.data.requiredFields).toEqual(expect.arrayContaining(['result', 'decisionDate']))
      expect(e.code.startsWith(e.data.scheme === 'norsk' ? 'NORSK_' : 'INTRO_')).toBe(true)
    }
  })

  test('measures belong to an existing group; only basic Norwegian carries the reminder', () => {
    const groups = new Set(byList('measureGroup').map((g) => g.code))
    for (const m of byList('measure')) expect(groups).toContain(m.data.group)
    expect(
      byList('measure')
        .filter((m) => m.data.norskReminder)
        .map((m) => m.code),
    ).toEqual(['GRUNNLEGGANDE_NORSK'])
  })

  test('only Ugyldig fråvær is invalid absence; ARBEID needs hours; IKKJE_REGISTRERT is a system value', () => {
    expect(
      byList('absenceType')
        .filter((a) => a.data.valid === false)
        .map((a) => a.code),
    ).toEqual(['UGYLDIG'])
    expect(
      byList('endReason')
        .filter((a) => a.data.requiresHoursPerWeek)
        .map((a) => a.code),
    ).toEqual(['ARBEID'])
    expect(
      byList('endReason')
        .filter((a) => a.data.system)
        .map((a) => a.code),
    ).toEqual(['IKKJE_REGISTRERT'])
    expect(byList('track').map((t) => t.code)).toEqual(['1', '2', '3', '4'])
  })
})

describe('R6.5 languages for Kartlegging', () => {
  test('every language code is one the language/track schema accepts (ISO 639-3: three lowercase letters)', () => {
    for (const e of byList('language')) {
      expect(languageTrackSchema.shape.motherTongue.safeParse(e.code).success, e.code).toBe(true)
    }
  })

  test.each([
    ['ara', 'Arabisk', 'Arabisk'],
    ['tir', 'Tigrinja', 'Tigrinja'],
    ['prs', 'Dari', 'Dari'],
    ['ukr', 'Ukrainsk', 'Ukrainsk'],
    ['bel', 'Belarusisk', 'Kviterussisk'],
  ])('%s is named %s (nb) and %s (nn)', (code, nb, nn) => {
    expect(get(`language:${code}`)).toMatchObject({ nameNb: nb, nameNn: nn })
  })
})
