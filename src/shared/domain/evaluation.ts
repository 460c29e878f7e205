import { z } from 'zod'
import { isoDate } from './common'
import { schemeSchema, schemeStatusSchema } from './scheme'

/**
 * The output of `evaluatePerson` as a zod schema (issue: "inputs and outputs are plain JSON
 * with zod schemas in src/shared/domain"). The central register stores it as JSON and the
 * device receives it over the contract; a test keeps schema and the rules' TypeScript types
 * in step.
 */
export const stepSchema = z.object({
  rule: z.string().regex(/^R\d+(\.\d+)?$/),
  key: z.string().min(1),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
})

export const categorySchema = z.object({
  scheme: schemeSchema,
  kind: z.enum(['rett_og_plikt', 'kan_tilbydast', 'rett', 'plikt', 'asylnorsk', 'nknv', 'mottak_plikt']),
  displayState: z.enum(['current', 'ikkje_gjeldande', 'gjennomfort', 'friteken', 'ved_behov']),
  validFrom: isoDate.nullable(),
  closedAt: isoDate.nullable(),
  reason: z
    .enum([
      'permit_ended',
      'permit_changed',
      'permit_granted',
      'age_limit_passed',
      'moved',
      'newly_arrived_window_passed',
      'free_right_lapsed',
      'not_ordinary_reception_centre',
      'programme_ended',
      'permanent_stop',
      'hours_completed',
      'exempted',
      'needs_based',
      'deadline_passed',
    ])
    .nullable(),
  hours: z.object({ total: z.number(), norwegian: z.number(), socialStudies: z.number() }).nullable(),
  explanation: z.array(stepSchema),
})

export const deadlineSchema = z.object({
  key: z.enum(['introStart', 'introCompletion', 'norskStart', 'norskFreeRight', 'norskNeedsBased', 'norskNorwegian2021', 'norskSocialStudies2021', 'norsk6A']),
  date: isoDate,
  metOn: isoDate.nullable(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  explanation: z.array(stepSchema),
})

/** A deadline as the register stores it: dates only (issue 8 point 6). */
export const storedDeadlineSchema = deadlineSchema.omit({ daysLeft: true, overdue: true })

export const schemeResultSchema = z.object({
  status: schemeStatusSchema,
  deadlines: z.array(deadlineSchema),
  explanation: z.array(stepSchema),
})

/** R12.0.6: the regime of one part of the person and the log of how it was chosen. */
export const regimeResultSchema = z.object({
  regime: z.enum(['INTRO_2003', 'INTEGRERING_2021', 'INT_6A']).nullable(),
  explanation: z.array(stepSchema),
})

export const evaluationSchema = z.object({
  rulesVersion: z.string().min(1),
  regime: z.object({ introNorsk: regimeResultSchema, asylnorsk: regimeResultSchema }),
  categories: z.array(categorySchema),
  schemes: z.object({ intro: schemeResultSchema, norsk: schemeResultSchema, asylnorsk: schemeResultSchema }),
})

const storedSchemeSchema = schemeResultSchema.extend({ deadlines: z.array(storedDeadlineSchema) })

/** `person_evaluations.result` on the register: the evaluation without anything that depends on the day it is read. */
export const storedEvaluationSchema = evaluationSchema.extend({
  schemes: z.object({ intro: storedSchemeSchema, norsk: storedSchemeSchema, asylnorsk: storedSchemeSchema }),
})
