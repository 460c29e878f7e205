import { describe, expect, test } from 'vitest'
import type { Role } from '../domain/user'
import { hasWriteRole, liftsBackRegistrationWindow, maySeeClosedData, permissionReasons, writesPersonData, type RuleUser, type WriteArea } from './permissions'

const user = (roles: Role[], district: string | null = null): RuleUser => ({ roles, municipality: '0301', district })
const person = { followUpMunicipality: '0301', followUpDistrict: '030101' }

describe('R9 roles per area', () => {
  test.each<[string, Role[], WriteArea, boolean]>([
    ['kommuneintro writes intro', ['kommuneintro'], 'intro', true],
    ['kommuneintro does not write norsk', ['kommuneintro'], 'norsk', false],
    ['kommunenorsk writes norsk', ['kommunenorsk'], 'norsk', true],
    ['kommunenorsk writes asylnorsk participation', ['kommunenorsk'], 'asylnorsk', true],
    ['kommunenorsk does not register the municipality offer', ['kommunenorsk'], 'asylnorskOffer', false],
    ['kommunetilskudd_asylnorsksokar registers the offer', ['kommunetilskudd_asylnorsksokar'], 'asylnorskOffer', true],
    ['kommunetilskudd_asylnorsksokar does not write participation', ['kommunetilskudd_asylnorsksokar'], 'asylnorsk', false],
    ['superuser writes intro', ['kommunenirsuperbrukar'], 'intro', true],
    ['superuser registers the offer', ['kommunenirsuperbrukar'], 'asylnorskOffer', true],
    ['kommuneles reads only', ['kommuneles'], 'norsk', false],
    ['kommuneadministrator alone writes nothing', ['kommuneadministrator'], 'intro', false],
    ['kommuneetterregistrering alone writes nothing', ['kommuneetterregistrering'], 'intro', false],
    ['R12.3.2 kommuneintro writes kartlegging (education background: intro or norsk)', ['kommuneintro'], 'kartlegging', true],
    ['R12.3.2 kommunenorsk writes kartlegging (education background: intro or norsk)', ['kommunenorsk'], 'kartlegging', true],
    ['R12.3.2 kommuneles does not write kartlegging', ['kommuneles'], 'kartlegging', false],
    ['R12.3.2 the offer role does not write kartlegging', ['kommunetilskudd_asylnorsksokar'], 'kartlegging', false],
  ])('R9 %s', (_name, roles, area, expected) => {
    expect(hasWriteRole(roles, area)).toBe(expected)
  })
})

describe('R9 scope and reasons', () => {
  test.each<[string, RuleUser, { followUpMunicipality: string; followUpDistrict: string | null }, string[]]>([
    ['same municipality, user without district', user(['kommuneintro']), person, []],
    ['same municipality and district', user(['kommuneintro'], '030101'), person, []],
    ['other district of the same municipality', user(['kommuneintro'], '030102'), person, ['OUT_OF_SCOPE']],
    ['district user and person without district', user(['kommuneintro'], '030101'), { followUpMunicipality: '0301', followUpDistrict: null }, ['OUT_OF_SCOPE']],
    ['other municipality', user(['kommuneintro']), { followUpMunicipality: '4601', followUpDistrict: null }, ['OUT_OF_SCOPE']],
    ['missing role is reported before scope', user(['kommuneles']), { followUpMunicipality: '4601', followUpDistrict: null }, ['NOT_PERMITTED']],
  ])('R9 %s', (_name, u, p, codes) => {
    expect(permissionReasons(u, 'intro', p).map((r) => r.code)).toEqual(codes)
  })

  test.each([
    ['own municipality offer', '0301', []],
    ['other municipality offer', '4601', ['OUT_OF_SCOPE']],
  ])('R9 asylnorsk offer: %s', (_name, municipality, codes) => {
    const r = permissionReasons(user(['kommunetilskudd_asylnorsksokar']), 'asylnorskOffer', { municipality })
    expect(r.map((x) => x.code)).toEqual(codes)
    if (codes.length) expect(r[0].field).toBe('municipality')
  })

  test.each<[string, RuleUser, boolean]>([
    ['a writer in scope sees closed data', user(['kommunenorsk']), true],
    ['kommuneles does not see closed data', user(['kommuneles']), false],
    ['a writer out of scope does not see closed data', user(['kommunenorsk'], '030199'), false],
  ])('R9 closed data: %s', (_name, u, expected) => {
    expect(maySeeClosedData(u, person)).toBe(expected)
  })
})

describe('R9 who writes person data at all (the register pulls closed persons only to them)', () => {
  test.each<[Role[], boolean]>([
    [['kommuneintro'], true],
    [['kommunenorsk'], true],
    [['kommunenirsuperbrukar'], true],
    [['kommuneles'], false],
    [['kommuneetterregistrering'], false],
    [['kommunetilskudd_asylnorsksokar'], false],
    [['kommuneadministrator', 'kommunesupport'], false],
  ])('R9 roles %j write person data: %s', (roles, expected) => {
    expect(writesPersonData(roles)).toBe(expected)
  })
})

describe('R11.11 who lifts the back-registration window', () => {
  test.each<[Role[], boolean]>([
    [['kommuneetterregistrering'], true],
    [['kommunenirsuperbrukar'], true],
    [['kommuneintro', 'kommunenorsk'], false],
    [['kommuneadministrator'], false],
  ])('R11.11 roles %j lift the window: %s', (roles, expected) => {
    expect(liftsBackRegistrationWindow(roles)).toBe(expected)
  })
})
