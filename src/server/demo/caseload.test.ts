import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { addDays, addMonths } from '../../shared/calendar'
import { schemeStatuses } from '../../shared/domain'
import { initialCodeLists } from '../../shared/reference/initial-code-lists'
import { evaluatePerson, snapshotFromBase } from '../../shared/rules'
import { evaluate2021 } from '../../shared/rules/int2021'
import { int2021RegistrationsOf } from '../../shared/rules/int2021/from-snapshot'
import { entities, entitySchemas, personOwnedEntities } from '../../shared/sync'
import type { EntityName, PersonBundle } from '../../shared/sync'
import { generateDemo } from './generate'
import { osloToday } from './load'
import { showcaseCases, showcaseDuf, type ShowcaseCase } from './showcase'

/** The demo as `loadDemo` makes it (Bergen and a tenth each for Oslo and Trondheim), smaller. */
function demo(today: string, bergen = 600, seed = 1) {
  return generateDemo({
    seed,
    today,
    municipalities: [
      { code: '4601', count: bergen },
      { code: '0301', count: Math.round(bergen / 10) },
      { code: '5001', count: Math.round(bergen / 10) },
    ],
  })
}

type Row = Record<string, unknown>

/** Every person's bundle, as a device holds it after its first sync: base data and registrations. */
function bundles(d: ReturnType<typeof demo>): PersonBundle[] {
  const byPerson = new Map<string, Record<string, unknown>>()
  const rows: { entity: EntityName; row: Row }[] = [
    ...d.ndjson
      .trim()
      .split('\n')
      .map((l) => {
        const { type, ...row } = JSON.parse(l) as Row & { type: EntityName }
        return { entity: type, row }
      }),
    ...d.registrations,
  ]
  for (const { entity, row } of rows) {
    if (entity === 'person') {
      byPerson.set(String(row.id), { person: row, ...Object.fromEntries(personOwnedEntities.map((e) => [entities[e].bundleKey, []])) })
    } else {
      const b = byPerson.get(String(row.personId))!
      ;(b[(entities[entity] as { bundleKey: string }).bundleKey] as Row[]).push(row)
    }
  }
  return [...byPerson.values()] as unknown as PersonBundle[]
}

function evaluateAll(today: string, bergen?: number) {
  return bundles(demo(today, bergen)).map((bundle) => {
    const snapshot = snapshotFromBase(bundle, initialCodeLists)
    const registrations = int2021RegistrationsOf(snapshot)
    return {
      bundle,
      evaluation: evaluatePerson(snapshot, today, { registrations }),
      detail: evaluate2021({ snapshot, registrations }, today),
    }
  })
}

type Evaluated = ReturnType<typeof evaluateAll>[number]
const regimeOf = (e: Evaluated) => e.evaluation.regime.introNorsk.regime
const deadlinesOf = (e: Evaluated) => [...e.evaluation.schemes.intro.deadlines, ...e.evaluation.schemes.norsk.deadlines]
const deadline = (e: Evaluated, key: string) => deadlinesOf(e).find((d) => d.key === key)

const TODAY = osloToday()
const all = evaluateAll(TODAY)
const under2021 = all.filter((e) => regimeOf(e) === 'INTEGRERING_2021' || regimeOf(e) === 'INT_6A')

describe('issue 9.6: the demo municipality shows today’s caseload (rules run on the generated bundles)', () => {
  test('R12.0.2 a clear majority falls under the 2021 act; a minority under the 2003 act keeps its history', () => {
    expect(under2021.length / all.length).toBeGreaterThan(0.5)
    const act2003 = all.filter((e) => regimeOf(e) === 'INTRO_2003')
    expect(act2003.length).toBeGreaterThan(20)
    expect(act2003.length).toBeLessThan(under2021.length)
    // history: renewed permits, test results and grants, and no 2021 registrations
    expect(act2003.some((e) => e.bundle.permits.length > 1 && e.bundle.testResults.length > 0 && e.bundle.grants.length > 0)).toBe(true)
    expect(act2003.every((e) => e.bundle.int2021Registrations.length === 0)).toBe(true)
  })

  test.each([
    ['R12.1.2 intro rett og plikt', (e: Evaluated) => e.evaluation.categories.some((c) => c.scheme === 'intro' && c.kind === 'rett_og_plikt' && c.displayState === 'current')],
    ['R12.1.3 intro kan tilbydast', (e: Evaluated) => e.evaluation.categories.some((c) => c.scheme === 'intro' && c.kind === 'kan_tilbydast')],
    ['R12.2.1 norsk rett og plikt', (e: Evaluated) => e.evaluation.categories.some((c) => c.scheme === 'norsk' && c.kind === 'rett_og_plikt' && c.displayState === 'current')],
    ['R12.2.7 norsk rett (6A)', (e: Evaluated) => e.evaluation.categories.some((c) => c.scheme === 'norsk' && c.kind === 'rett')],
    ['R12.2.6 norsk gjennomført', (e: Evaluated) => e.evaluation.categories.some((c) => c.scheme === 'norsk' && c.displayState === 'gjennomfort')],
    ['R12.2.9 norsk friteken', (e: Evaluated) => e.evaluation.categories.some((c) => c.scheme === 'norsk' && c.displayState === 'friteken')],
    ['R12.2.5 norsk closed by a passed deadline', (e: Evaluated) => e.evaluation.categories.some((c) => c.scheme === 'norsk' && c.reason === 'deadline_passed')],
  ])('%s: a current category of the 2021 act appears', (_name, pred) => {
    expect(under2021.filter(pred).length).toBeGreaterThan(0)
  })

  test.each(schemeStatuses.filter((s) => s !== 'ingen'))('R4 intro or norsk status %s appears under the 2021 act', (status) => {
    expect(under2021.filter((e) => e.evaluation.schemes.intro.status === status || e.evaluation.schemes.norsk.status === status).length).toBeGreaterThan(0)
  })

  const keys2021 = ['introStart', 'introCompletion', 'norskStart', 'norskNorwegian2021', 'norskSocialStudies2021', 'norsk6A'] as const
  test.each(keys2021)('R12.1.4–R12.2.7 deadline %s appears running, and met or overdue', (key) => {
    const of = under2021.map((e) => deadline(e, key)).filter((d) => d !== undefined)
    expect(of.some((d) => d.metOn === null && !d.overdue)).toBe(true)
    expect(of.some((d) => d.metOn !== null || d.overdue)).toBe(true)
  })

  test('deadlines near (within six weeks), overdue and met all appear', () => {
    const ds = under2021.flatMap(deadlinesOf)
    expect(ds.filter((d) => d.metOn === null && !d.overdue && d.daysLeft <= 42).length).toBeGreaterThan(5)
    expect(ds.filter((d) => d.overdue).length).toBeGreaterThan(5)
    expect(ds.filter((d) => d.metOn !== null).length).toBeGreaterThan(5)
  })

  test.each(['VGS', 'VGO', 'ANNA'] as const)('R12.1.5 band %s: programmes with background, final goal and decided months; some extended', (band) => {
    const inBand = under2021.filter((e) => e.detail.intro?.programme?.band === band)
    expect(inBand.length).toBeGreaterThan(3)
    expect(inBand.every((e) => e.detail.intro!.programme!.durationMonths !== null && e.detail.intro!.programme!.endDate !== null)).toBe(true)
    // weeks of measures inside the programme
    expect(inBand.every((e) => e.bundle.measures.every((m) => m.fromDate >= e.detail.intro!.programme!.start))).toBe(true)
    expect(inBand.some((e) => e.bundle.measures.length > 0)).toBe(true)
    if (band !== 'VGS') expect(inBand.some((e) => e.detail.intro!.programme!.extensionMonths > 0)).toBe(true)
  })

  test('R12.2.5 Norwegian deadlines of 18 (upper secondary) and 36 months both show, with norskmål registered', () => {
    const months = (e: Evaluated) => {
      const d = deadline(e, 'norskNorwegian2021')
      return d && e.detail.norsk?.anchor
        ? d.date === addDays(addMonths(e.detail.norsk.anchor, 18), -1)
          ? 18
          : d.date === addDays(addMonths(e.detail.norsk.anchor, 36), -1)
            ? 36
            : 0
        : null
    }
    expect(under2021.some((e) => months(e) === 18)).toBe(true)
    expect(under2021.some((e) => months(e) === 36)).toBe(true)
    expect(under2021.filter((e) => e.bundle.int2021Registrations.some((r) => r.fact.kind === 'norskGoal')).length).toBeGreaterThan(20)
  })

  test('R12.0.3 chapter 6A, R12.0.4 reception centres and R2.3 reg-nummer persons are present', () => {
    expect(all.filter((e) => regimeOf(e) === 'INT_6A').length).toBeGreaterThan(10)
    expect(all.filter((e) => e.evaluation.regime.asylnorsk.regime === 'INTEGRERING_2021' && e.bundle.person.receptionCentre !== null).length).toBeGreaterThan(10)
    expect(under2021.filter((e) => e.bundle.person.regNumber !== null).length).toBeGreaterThan(3)
  })

  test('R12.3.2 every registration of the 2021 act is dated after the grant, and a programme’s facts inside it; every row passes its schema', () => {
    for (const e of under2021) {
      const granted = e.bundle.permits.map((p) => p.grantedDate).sort()[0]
      for (const r of e.bundle.int2021Registrations) {
        expect([r.date >= granted, entitySchemas.int2021Registration.safeParse(r).success]).toEqual([true, true])
        const plan = e.detail.intro?.programme
        if (plan?.endDate && (r.fact.kind === 'integrationContract' || (r.fact.kind === 'programmeElement' && r.fact.element !== 'KOMPETANSEKARTLEGGING'))) {
          expect(r.date >= plan.start && r.date <= plan.endDate).toBe(true)
        }
      }
      for (const d of e.bundle.decisions) expect(entitySchemas.decision.safeParse(d).success && d.decisionDate >= granted && d.decisionDate <= TODAY).toBe(true)
    }
  })

  test('the generator stays deterministic for a seed, registrations included', () => {
    expect(JSON.stringify(demo(TODAY, 120))).toBe(JSON.stringify(demo(TODAY, 120)))
    expect(JSON.stringify(demo(TODAY, 120).registrations)).not.toBe(JSON.stringify(demo(TODAY, 120, 2).registrations))
  })
})

/** What each showcase person must show (README "demo" table). */
const shows: Record<ShowcaseCase, (e: Evaluated) => boolean> = {
  introVgs: (e) => e.detail.intro?.programme?.band === 'VGS' && e.evaluation.schemes.intro.status === 'deltar',
  introVgo: (e) => e.detail.intro?.programme?.band === 'VGO' && e.evaluation.schemes.intro.status === 'deltar',
  introAnnaExtended: (e) => e.detail.intro?.programme?.band === 'ANNA' && e.detail.intro.programme.extensionMonths > 0 && e.evaluation.schemes.intro.status === 'deltar',
  introStartNear: (e) => {
    const d = deadline(e, 'introStart')
    return d !== undefined && !d.overdue && d.metOn === null && d.daysLeft > 0 && d.daysLeft <= 42
  },
  introCompletionOverdue: (e) => deadline(e, 'introCompletion')?.overdue === true,
  norsk18Near: (e) => {
    const d = deadline(e, 'norskNorwegian2021')
    return d !== undefined && e.detail.norsk?.anchor !== null && d.date === addDays(addMonths(e.detail.norsk!.anchor!, 18), -1) && !d.overdue && d.daysLeft <= 42
  },
  norsk36Overdue: (e) => {
    const d = deadline(e, 'norskNorwegian2021')
    return d?.overdue === true && e.detail.norsk?.anchor != null && d.date <= addDays(addMonths(e.detail.norsk.anchor, 36), -1)
  },
  norskMet: (e) => deadline(e, 'norskNorwegian2021')?.metOn != null && deadline(e, 'norskSocialStudies2021')?.metOn != null,
  sixA: (e) => regimeOf(e) === 'INT_6A' && deadline(e, 'norsk6A') !== undefined,
  mottak: (e) => e.evaluation.regime.asylnorsk.regime === 'INTEGRERING_2021' && e.bundle.person.receptionCentre === 'ordinaert',
  regNumber: (e) => e.bundle.person.regNumber !== null && regimeOf(e) === 'INTEGRERING_2021',
  act2003: (e) => regimeOf(e) === 'INTRO_2003' && e.bundle.permits.length > 1,
}

describe('issue 9.6: the README’s showcase DUF numbers show their case on any day', () => {
  // today, and days a year and more ahead: the cases are dated relative to the day the demo loads
  test.each([TODAY, addDays(TODAY, 45), addMonths(TODAY, 14)])('on %s', (today) => {
    const evaluated = today === TODAY ? all : evaluateAll(today, 20)
    const byDuf = new Map(evaluated.map((e) => [e.bundle.person.duf, e]))
    const failing = showcaseCases.filter((c) => {
      const e = byDuf.get(showcaseDuf[c])
      return !e || e.bundle.person.followUpMunicipality !== '4601' || !shows[c](e)
    })
    expect(failing).toEqual([])
  })

  test('the README’s demo table lists exactly these DUF numbers, in this order', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8')
    const section = readme.slice(readme.indexOf('### Demo municipality'), readme.indexOf('## Commands'))
    expect([...section.matchAll(/^\| (\d{12}) \|/gm)].map((m) => m[1])).toEqual(showcaseCases.map((c) => showcaseDuf[c]))
  })

  test('the showcase DUF numbers (README) are these', () => {
    expect(showcaseDuf).toMatchInlineSnapshot(`
      {
        "act2003": "201596007806",
        "introAnnaExtended": "202196001510",
        "introCompletionOverdue": "202196002904",
        "introStartNear": "202196002202",
        "introVgo": "202196000807",
        "introVgs": "202196000105",
        "mottak": "202196006407",
        "norsk18Near": "202196003607",
        "norsk36Overdue": "202196004310",
        "norskMet": "202196005002",
        "regNumber": "202196007110",
        "sixA": "202196005704",
      }
    `)
  })
})
