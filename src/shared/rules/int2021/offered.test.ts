import { describe, expect, it } from 'vitest'
import { offeredNorsk2021 } from './index'

/** R12.0.5 / R12.3.1 / R12.3.3: Norwegian decisions offered under the 2021 act. */
describe('R12.3.3 offered Norwegian decisions by regime, category and status', () => {
  const cat = (kind: 'rett_og_plikt' | 'plikt' | 'rett', displayState: 'current' | 'ikkje_gjeldande' = 'current') => ({ kind, displayState })
  it.each([
    [
      'rett og plikt, kategori_berekna',
      'INTEGRERING_2021',
      cat('rett_og_plikt'),
      'kategori_berekna',
      ['NORSK_RETT_OG_PLIKT', 'NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN', 'NORSK_FRITAK_PROVE', 'NORSK_UTSETT_OPPSTART'],
    ],
    ['plikt, avslag', 'INTEGRERING_2021', cat('plikt'), 'avslag', ['NORSK_PLIKT', 'NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN', 'NORSK_FRITAK_PROVE']],
    [
      'rett og plikt, deltar: leave, never NORSK_BEHOVSPROVD',
      'INTEGRERING_2021',
      cat('rett_og_plikt'),
      'deltar',
      ['NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN', 'NORSK_FRITAK_PROVE', 'NORSK_PERMISJON'],
    ],
    ['rett og plikt, avslutta: nothing', 'INTEGRERING_2021', cat('rett_og_plikt'), 'avslutta', []],
    [
      'closed category: no base type',
      'INTEGRERING_2021',
      cat('rett_og_plikt', 'ikkje_gjeldande'),
      'kategori_berekna',
      ['NORSK_FRITAK_NORSK', 'NORSK_FRITAK_SAMFUNN', 'NORSK_FRITAK_PROVE', 'NORSK_UTSETT_OPPSTART'],
    ],
    [
      '6A rett, kategori_berekna: NORSK_RETT, no social-studies exemption',
      'INT_6A',
      cat('rett'),
      'kategori_berekna',
      ['NORSK_RETT', 'NORSK_FRITAK_NORSK', 'NORSK_FRITAK_PROVE', 'NORSK_UTSETT_OPPSTART'],
    ],
    ['a 2003 person: nothing from these rules', 'INTRO_2003', cat('rett_og_plikt'), 'kategori_berekna', []],
  ] as const)('%s', (_n, regime, category, status, types) => {
    expect(offeredNorsk2021(regime, category, status)).toEqual(types)
  })
  it('no category → nothing', () => {
    expect(offeredNorsk2021('INTEGRERING_2021', null, 'kategori_berekna')).toEqual([])
  })
})
