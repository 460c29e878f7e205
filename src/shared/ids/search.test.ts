import { describe, expect, test } from 'vitest'
import { classifySearch, foldName, makeNationalId, nameMatches, nameParts, type NamedPerson, type NameQuery } from './index'

describe('R2.4 / R11.4 classifying search input', () => {
  test.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    [' , ', { kind: 'empty' }],
    ['201212345603', { kind: 'duf', value: '201212345603', warnings: [] }],
    ['2012 1234 5603', { kind: 'duf', value: '201212345603', warnings: [] }],
    ['201234567890', { kind: 'duf', value: '201234567890', warnings: [{ code: 'DUF_CHECK_FAILED', field: 'query' }] }],
    ['01010150589', { kind: 'nationalId', value: '01010150589', warnings: [] }],
    ['  010101 50589 ', { kind: 'nationalId', value: '01010150589', warnings: [] }],
    ['01011200100', { kind: 'nationalId', value: '01011200100', warnings: [{ code: 'NATIONAL_ID_CHECKSUM', field: 'query' }] }],
    ['123456', { kind: 'regNumber', value: '123456' }],
    ['123 456', { kind: 'regNumber', value: '123456' }],
    ['17.05.1990', { kind: 'birthDate', value: '1990-05-17' }],
    ['29.02.2024', { kind: 'birthDate', value: '2024-02-29' }],
    ['31.02.2021', { kind: 'invalid', reasons: [{ code: 'SEARCH_DATE_INVALID', field: 'query' }] }],
    ['19.5.1991', { kind: 'birthDate', value: '1991-05-19' }],
    ['1.1.2000', { kind: 'birthDate', value: '2000-01-01' }],
    [' 09.5.1991 ', { kind: 'birthDate', value: '1991-05-09' }],
    ['1991-05-19', { kind: 'birthDate', value: '1991-05-19' }],
    ['31.2.2021', { kind: 'invalid', reasons: [{ code: 'SEARCH_DATE_INVALID', field: 'query' }] }],
    ['2021-02-31', { kind: 'invalid', reasons: [{ code: 'SEARCH_DATE_INVALID', field: 'query' }] }],
    ['19.5.91', { kind: 'name', surname: null, firstName: null, words: ['19.5.91'] }],
    ['Ødegård, Åse', { kind: 'name', surname: 'ødegård', firstName: 'åse', words: ['ødegård', 'åse'] }],
    ['Hansen,', { kind: 'name', surname: 'hansen', firstName: null, words: ['hansen'] }],
    [', Åse', { kind: 'name', surname: null, firstName: 'åse', words: ['åse'] }],
    ['Hansen , Ola  Per', { kind: 'name', surname: 'hansen', firstName: 'ola per', words: ['hansen', 'ola', 'per'] }],
    ['Berg, Kari, Anne', { kind: 'name', surname: 'berg', firstName: 'kari, anne', words: ['berg', 'kari', 'anne'] }],
    ['René  Müller-Ås', { kind: 'name', surname: null, firstName: null, words: ['rene', 'muller-ås'] }],
    ['12345678', { kind: 'name', surname: null, firstName: null, words: ['12345678'] }],
  ])('%j → %j', (input, want) => {
    expect(classifySearch(input)).toEqual(want)
  })

  test('a synthetic national id is a warning outside demo/test mode and accepted in it', () => {
    const synthetic = makeNationalId('1990-05-17', 100, { synthetic: true }) ?? makeNationalId('1990-05-17', 101, { synthetic: true })
    expect(synthetic).not.toBeNull()
    expect(classifySearch(synthetic!)).toEqual({
      kind: 'nationalId',
      value: synthetic,
      warnings: [{ code: 'NATIONAL_ID_SYNTHETIC', field: 'query' }],
    })
    expect(classifySearch(synthetic!, { allowSynthetic: true })).toEqual({ kind: 'nationalId', value: synthetic, warnings: [] })
  })
})

describe('R11.4 name folding', () => {
  test.each([
    ['Renée', 'renee'],
    ['MÜLLER', 'muller'],
    ['Åse', 'åse'],
    ['ÆRLIG Øyvind', 'ærlig øyvind'],
    ['Ångström', 'ångstrom'],
    ['  Nils   Åge ', 'nils åge'],
  ])('foldName(%j) = %j', (s, want) => expect(foldName(s)).toBe(want))

  test('hyphenated names stay one part; middle names are parts too', () => {
    expect(nameParts({ firstName: 'Anne-Marie', middleName: 'Sofie', lastName: 'Dahl Hansen' })).toEqual(['anne-marie', 'sofie', 'dahl', 'hansen'])
    expect(nameParts({ firstName: 'Ola', middleName: null, lastName: 'Nordmann' })).toEqual(['ola', 'nordmann'])
  })
})

describe('R11.4 name matching', () => {
  const aase = { firstName: 'Åse Marie', middleName: null, lastName: 'Ødegård' }
  const rene = { firstName: 'René', middleName: 'Ole', lastName: 'Dahl-Hansen' }
  const q = (s: string) => classifySearch(s) as NameQuery

  test.each([
    ['Ødegård, Åse', aase, true, 'surname and first name by prefix'],
    ['ødeg, åse ma', aase, true, 'prefix of the whole first-name field, case ignored'],
    ['Ødegård,', aase, true, 'empty first name'],
    ['Odegard, Ase', aase, false, 'ø ≠ o and å ≠ a'],
    ['Ødegård, Marie', aase, false, 'first-name side must prefix the whole field'],
    ['gård, Åse', aase, false, 'surname side must prefix the whole surname'],
    ['Marie', aase, true, 'one word matches any part'],
    ['mar ødeg', aase, true, 'every word a prefix of some part'],
    ['mar olsen', aase, false, 'a word matching no part fails'],
    ['rene', rene, true, 'é = e'],
    ['RENÉ', rene, true, 'accented query against accented name'],
    ['ole', rene, true, 'middle name is a part'],
    ['dahl-h', rene, true, 'hyphenated name is one part'],
    ['hansen', rene, false, 'the part after a hyphen is not a part of its own'],
    ['Dahl-Hansen, René', rene, true, 'comma form with accents'],
    ['Dahl, ren', rene, true, 'comma form: surname prefix, first-name field prefix'],
    ['Dahl, Ole', rene, false, 'comma form: the middle name is not the first-name field'],
  ] as [string, NamedPerson, boolean, string][])('%j vs %j → %s (%s)', (input, person, want) => {
    expect(nameMatches(q(input), person)).toBe(want)
  })
})
