import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import type { z } from 'zod'
import { evaluationSchema } from '../domain'
import { addDays } from '../calendar'
import { evaluatePerson, type Evaluation } from './index'
import { leave, programme, snapshot } from './test-fixtures'

// Compile-time: the zod schema and the rules' own types describe the same JSON, both ways.
type FromSchema = z.infer<typeof evaluationSchema>
const toSchema = (e: Evaluation): FromSchema => e
const fromSchema = (e: FromSchema): Evaluation => e
void toSchema
void fromSchema

const grounds = ['UTL28', 'UTL35_3', 'FAM_FLYKTNING', 'UTL53', 'UTL38', 'ARBEID', 'EOS', 'ASYLSOKAR']

describe('R0 evaluatePerson output is plain JSON matching its zod schema', () => {
  test('R0 output of varied persons parses and survives a JSON round trip', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...grounds),
        fc.integer({ min: 1950, max: 2008 }),
        fc.integer({ min: 0, max: 2500 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('2019-06-01', '2020-12-31', '2024-12-31'),
        (ground, birthYear, permitOffset, byAgreement, withProgramme, today) => {
          const permitFrom = addDays('2017-01-02', permitOffset)
          const settled = addDays(permitFrom, 30)
          const regs = withProgramme ? { decisions: [programme(addDays(settled, 60)), leave(addDays(settled, 200), addDays(settled, 220), 'verkedagar')] } : {}
          const s = snapshot({ ground, birthDate: `${birthYear}-03-15`, permitFrom, settled, byAgreement, receptionCentre: ground === 'ASYLSOKAR' ? 'ordinaert' : null }, regs)
          const result = evaluatePerson(s, today)
          expect(evaluationSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result)
        },
      ),
      { numRuns: 200 },
    )
  })

  test('R0 the schema refuses an output with an unknown display state', () => {
    const result = evaluatePerson(snapshot(), '2019-06-01')
    expect(result.categories.length).toBeGreaterThan(0)
    const broken = JSON.parse(JSON.stringify(result))
    broken.categories[0].displayState = 'maybe'
    expect(evaluationSchema.safeParse(broken).success).toBe(false)
  })
})
