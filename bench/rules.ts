import { z } from 'zod'
import { addYears, addDays, daysBetween } from '../src/shared/calendar'
import { isoDate, measureSchema, personSnapshotSchema, replacementSchema, type PersonSnapshot } from '../src/shared/domain'
import { absencesAndLeaveOf, evaluatePerson, programmeAverage, RULES_VERSION, type Evaluation } from '../src/shared/rules'
import { log, report, timeMany } from './harness'
import { BENCH_TODAY, BENCH_TODAY_2021, HEAVY_PROGRAMME_START, heavyPerson, heavyPerson2021 } from './fixtures/heavy-person'
import { syntheticPersons, type SyntheticPerson } from './fixtures/synthetic-persons'

/**
 * Rules benchmarks (issue: `npm run bench`). Each figure sits beside the cost of only parsing
 * the same input (JSON.parse + the zod schema), measured in the same run; every result is
 * sanity-checked once and a wrong one throws, so a broken rule cannot give a fast number.
 */
const RUNS = 3000
const WARMUP = 500
const POPULATION = 50_000
const CHUNK = 1000

export async function run(): Promise<void> {
  benchEvaluatePerson()
  benchEvaluatePerson2021()
  benchProgrammeAverage()
  benchPopulation()
}

function parseSnapshot(json: string): PersonSnapshot {
  return personSnapshotSchema.parse(JSON.parse(json))
}

function benchEvaluatePerson(): void {
  const snapshot = heavyPerson()
  const json = JSON.stringify(snapshot)
  checkHeavy(evaluatePerson(parseSnapshot(json), BENCH_TODAY))
  for (let i = 0; i < WARMUP; i++) {
    evaluatePerson(snapshot, BENCH_TODAY)
    parseSnapshot(json)
  }
  const evaluated = timeMany(() => evaluatePerson(snapshot, BENCH_TODAY), RUNS)
  const parsed = timeMany(() => parseSnapshot(json), RUNS)
  const r = snapshot.registrations
  log(
    `3-year person: ${r.weeklyParticipation.length} weeks, ${r.measures.length} measures, ${r.absences.length} absences, ${r.decisions.filter((d) => d.type === 'INTRO_PERMISJON').length} leaves, ${json.length} bytes; ${RUNS} runs`,
  )
  const baselineLabel = 'parse of the same snapshot (JSON.parse + zod)'
  report({ name: 'rules.evaluatePerson.median', value: evaluated.median, unit: 'ms', baseline: parsed.median, baselineLabel })
  report({ name: 'rules.evaluatePerson.p99', value: evaluated.p99, unit: 'ms', baseline: parsed.p99, baselineLabel })
}

/**
 * Issue 9 point 8: the same 3-year person five years later, under the integration act of 2021,
 * beside the 2003 person timed in the same run (the two regimes' cost side by side).
 */
function benchEvaluatePerson2021(): void {
  const p2003 = heavyPerson()
  const p2021 = heavyPerson2021()
  const e = evaluatePerson(p2021, BENCH_TODAY_2021)
  const fails = [
    e.regime.introNorsk.regime !== 'INTEGRERING_2021' && `regime ${e.regime.introNorsk.regime}`,
    e.schemes.intro.status !== 'deltar' && `intro status ${e.schemes.intro.status}`,
    !e.categories.some((c) => c.scheme === 'intro' && c.kind === 'rett_og_plikt' && c.displayState === 'current') && 'no current intro rett_og_plikt category',
    !e.schemes.norsk.deadlines.some((d) => d.key === 'norskNorwegian2021') && 'no norskNorwegian2021 deadline',
  ].filter(Boolean)
  if (fails.length) throw new Error(`rules bench: evaluatePerson on the 2021 person is wrong: ${fails.join('; ')}`)
  for (let i = 0; i < WARMUP; i++) {
    evaluatePerson(p2021, BENCH_TODAY_2021)
    evaluatePerson(p2003, BENCH_TODAY)
  }
  const t2021 = timeMany(() => evaluatePerson(p2021, BENCH_TODAY_2021), RUNS)
  const t2003 = timeMany(() => evaluatePerson(p2003, BENCH_TODAY), RUNS)
  const baselineLabel = 'the same person under the 2003 act (evaluatePerson, same run)'
  report({ name: 'rules.evaluatePerson2021.median', value: t2021.median, unit: 'ms', baseline: t2003.median, baselineLabel })
  report({ name: 'rules.evaluatePerson2021.p99', value: t2021.p99, unit: 'ms', baseline: t2003.p99, baselineLabel })
}

/** The 3-year person must get both current categories, a started programme and an extended completion deadline. */
function checkHeavy(e: Evaluation): void {
  const has = (scheme: string, kind: string) => e.categories.some((c) => c.scheme === scheme && c.kind === kind && c.displayState === 'current')
  const completion = e.schemes.intro.deadlines.find((d) => d.key === 'introCompletion')
  const unextended = addDays(addYears(HEAVY_PROGRAMME_START, 3), -1) // with the granted extra year (R5.2)
  const fails = [
    e.rulesVersion !== RULES_VERSION && `rulesVersion ${e.rulesVersion}`,
    !has('intro', 'rett_og_plikt') && 'no current intro rett_og_plikt category',
    !has('norsk', 'rett_og_plikt') && 'no current norsk rett_og_plikt category',
    e.schemes.intro.status !== 'deltar' && `intro status ${e.schemes.intro.status}`,
    !completion && 'no introCompletion deadline',
    completion && !(completion.date > unextended) && `introCompletion ${completion.date} not extended past ${unextended}`,
    completion && completion.explanation.length < 8 && 'introCompletion explanation lists too few steps',
    !e.schemes.norsk.deadlines.some((d) => d.key === 'norskFreeRight') && 'no norskFreeRight deadline',
  ].filter(Boolean)
  if (fails.length) throw new Error(`rules bench: evaluatePerson on the 3-year person is wrong: ${fails.join('; ')}`)
}

const periodOffSchema = z.object({
  kind: z.enum(['leave', 'stop', 'absence', 'holiday', 'parentalLeaveAbsence']),
  fromDate: isoDate,
  toDate: isoDate,
})
const averageInputSchema = z.object({
  measures: z.array(measureSchema),
  replacements: z.array(replacementSchema),
  absencesAndLeave: z.array(periodOffSchema),
  period: z.object({ fromDate: isoDate, toDate: isoDate }),
})

function benchProgrammeAverage(): void {
  const r = heavyPerson().registrations
  const input = { measures: r.measures, replacements: r.replacements, absencesAndLeave: absencesAndLeaveOf(r), period: { fromDate: HEAVY_PROGRAMME_START, toDate: BENCH_TODAY } }
  const json = JSON.stringify(input)
  const average = () => programmeAverage(input.measures, input.replacements, input.absencesAndLeave, input.period)
  const result = average()
  const weeks = Math.ceil((daysBetween(input.period.fromDate, input.period.toDate) + 1) / 7)
  if (result.hoursPerWeek === null || !(result.hoursPerWeek > 0) || Math.abs(result.byWeek.length - weeks) > 1) {
    throw new Error(`rules bench: programmeAverage on the 3-year person is wrong: ${result.hoursPerWeek} h/week over ${result.byWeek.length} weeks (expected about ${weeks})`)
  }
  for (let i = 0; i < WARMUP; i++) {
    average()
    averageInputSchema.parse(JSON.parse(json))
  }
  const timed = timeMany(average, RUNS)
  const parsed = timeMany(() => averageInputSchema.parse(JSON.parse(json)), RUNS)
  log(`programme average: ${result.hoursPerWeek.toFixed(2)} h/week over ${result.byWeek.length} weeks, ${result.weeksBelowNorm.length} below norm`)
  report({ name: 'rules.programmeAverage.median', value: timed.median, unit: 'ms', baseline: parsed.median, baselineLabel: 'parse of its inputs (JSON.parse + zod)' })
}

function benchPopulation(): void {
  const persons = syntheticPersons(POPULATION, 2026, BENCH_TODAY)
  const tally = new Tally()
  const t = performance.now()
  for (const p of persons) tally.observe(p, evaluatePerson(p.snapshot, BENCH_TODAY))
  const evaluatedMs = performance.now() - t
  tally.check()
  const parsedMs = parseAll(persons)
  log(`population: ${POPULATION} persons, ${tally.summary()}`)
  report({ name: 'rules.evaluate50k', value: evaluatedMs / 1000, unit: 's', baseline: parsedMs / 1000, baselineLabel: 'parse of the 50,000 snapshots (JSON.parse + zod)' })
}

/** Parse time of every snapshot's JSON; serialised a chunk at a time (untimed) to bound memory. */
function parseAll(persons: readonly SyntheticPerson[]): number {
  let ms = 0
  for (let i = 0; i < persons.length; i += CHUNK) {
    const texts = persons.slice(i, i + CHUNK).map((p) => JSON.stringify(p.snapshot))
    const t = performance.now()
    for (const text of texts) parseSnapshot(text)
    ms += performance.now() - t
  }
  return ms
}

/** Counts what the population got, so a rule that silently stops producing results fails the bench. */
class Tally {
  private counts = new Map<string, number>()

  observe(p: SyntheticPerson, e: Evaluation): void {
    for (const c of e.categories) this.add(`${p.kind}:${c.scheme}:${c.kind}:${c.displayState}`)
    for (const d of e.schemes.intro.deadlines) this.add(`${p.kind}:deadline:${d.key}`)
    this.add(`status:${e.schemes.intro.status}`)
    if (e.rulesVersion !== RULES_VERSION) this.add('wrongVersion')
  }

  private add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
  }

  private count(key: string): number {
    return this.counts.get(key) ?? 0
  }

  check(): void {
    const expected = [
      'agreementRefugee:intro:rett_og_plikt:current',
      'agreementRefugee:norsk:rett_og_plikt:current',
      'agreementRefugee:deadline:introCompletion',
      'familyReunified:intro:rett_og_plikt:current',
      'over55:intro:kan_tilbydast:current',
      'worker:norsk:plikt:current',
      'asylumSeeker:asylnorsk:asylnorsk:current',
      'status:deltar',
    ]
    // each kind is ≥ 8 % of 50,000 persons, so a working rule gives each far more than 200
    const fails = expected.filter((k) => this.count(k) < 200).map((k) => `${k}: ${this.count(k)}`)
    if (this.count('wrongVersion')) fails.push(`wrong rulesVersion: ${this.count('wrongVersion')}`)
    if (fails.length) throw new Error(`rules bench: the 50,000 persons got too few of: ${fails.join('; ')}`)
  }

  summary(): string {
    const sum = (suffix: string) => [...this.counts].filter(([k]) => k.endsWith(suffix)).reduce((s, [, n]) => s + n, 0)
    return `${sum(':current')} current categories, ${sum(':deadline:introCompletion')} completion deadlines, ${this.count('status:deltar')} in the programme`
  }
}
