import { describe, expect, test } from 'vitest'
import type { PersonSnapshot } from '../../domain'
import { evaluatePerson } from '../evaluate'
import { asylWeek, snapshot } from '../test-fixtures'
import { allowedAsylnorskKinds } from './asylnorsk'

const TODAY = '2019-06-01'
const seeker = (regs: Parameters<typeof snapshot>[1] = {}) => snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'ordinaert' }, regs)
/** An asylum seeker whose application was granted on 20 August 2018 (D7: NKNV stays open). */
function granted(): PersonSnapshot {
  const s = seeker({ asylnorsk: [asylWeek(2018, 10, 'ASYLNORSK', 5)] })
  s.permits.push({ groundCode: 'UTL28', validFrom: '2018-09-01', validTo: null, grantedDate: '2018-08-20' })
  return s
}

describe('D7 / R7.2 the kinds of participation a person may have registered', () => {
  test.each<[string, PersonSnapshot, string[]]>([
    ['D7 an asylum seeker in an ordinary reception centre: both asylnorsk and NKNV', seeker(), ['ASYLNORSK', 'NKNV']],
    ['D7 a permit granted on the application closes asylnorsk; NKNV can still be completed', granted(), ['NKNV']],
    ['D7 a refugee who never sought asylum: neither', snapshot(), []],
    ['R3.5 an asylum seeker in a transit centre without registrations: neither', snapshot({ ground: 'ASYLSOKAR', settled: null, receptionCentre: 'transitt' }), []],
    ['R7.2 175 asylnorsk hours done (gjennomført): still allowed, so a week can be corrected', seeker({ asylnorsk: [asylWeek(2019, 2, 'ASYLNORSK', 175)] }), ['ASYLNORSK', 'NKNV']],
  ])('%s', (_, s, kinds) => {
    expect(allowedAsylnorskKinds(evaluatePerson(s, TODAY).categories)).toEqual(kinds)
  })
})
