import type { PersonSnapshot } from '../../domain'
import type { TestResult } from '../../domain/test-result'
import type { DecisionMonths, Int2021Registrations, Level, NorskPart, NorskTestResult } from './input'

/** The Norwegian test's parts (R10 `testParts`) as the 2021 rules name them; the social-studies test has none. */
const PART: Partial<Record<TestResult['part'], NorskPart>> = {
  NORSK_LYTTE: 'lytting',
  NORSK_LESE: 'lesing',
  NORSK_SKRIFTLEG: 'skriftleg',
  NORSK_MUNNLEG: 'munnleg',
}
/** CEFR levels of a Norwegian test result; `BESTATT` / `IKKJE_BESTATT` are the social-studies test's. */
const LEVEL: Partial<Record<TestResult['level'], Level>> = { UNDER_A1: 'UNDER_A1', A1: 'A1', A2: 'A2', B1: 'B1', B2: 'B2' }

/**
 * Issue 9 point 4: the 2021 inputs (R12.3) read from the snapshot itself, so the device, the
 * register and the reports — which all build the snapshot with `snapshotFromBase` — evaluate
 * the same facts with no extra argument (A9 parity):
 * - the registrations of R12.3.2 (`int2021Registrations`), each kind as its history of dated
 *   rows with `recordedAt` (the current one is chosen by `current()` at the rules' `today`);
 * - R12.3.1 decided and extension months from the decisions' own columns, by decision id;
 * - R12.2.6 Norwegian test results from the snapshot's `testResults` (delivered, read-only).
 * Integration contract, programme elements and full-time upper secondary are recorded only:
 * no rule reads them (R12.3.2 "recorded only"), so they are not handed on.
 * Built once per snapshot object (statusChangesOn evaluates one snapshot on many days).
 */
export function int2021RegistrationsOf(s: PersonSnapshot): Int2021Registrations {
  let out = built.get(s)
  if (!out) built.set(s, (out = build(s)))
  return out
}

const built = new WeakMap<PersonSnapshot, Int2021Registrations>()

function build(s: PersonSnapshot): Int2021Registrations {
  const out: Required<Pick<Int2021Registrations, 'educationBackground' | 'norskGoal' | 'finalGoal' | 'referencePersonCondition' | 'decisionMonths' | 'norskTests'>> = {
    educationBackground: [],
    norskGoal: [],
    finalGoal: [],
    referencePersonCondition: [],
    decisionMonths: {},
    norskTests: [],
  }
  for (const r of s.registrations.int2021Registrations) {
    const dated = { date: r.date, recordedAt: r.recordedAt ?? undefined }
    const f = r.fact
    if (f.kind === 'educationBackground') out.educationBackground.push({ ...dated, background: f.background })
    else if (f.kind === 'norskGoal') out.norskGoal.push({ ...dated, goal: f.goal })
    else if (f.kind === 'finalGoal') out.finalGoal.push({ ...dated, goal: f.goal, text: f.text ?? null })
    else if (f.kind === 'referencePersonCondition') out.referencePersonCondition.push({ ...dated, met: f.met })
  }
  for (const d of s.registrations.decisions) {
    if (d.durationMonths == null && d.extensionMonths == null) continue
    const m: DecisionMonths = {}
    if (d.durationMonths != null) m.durationMonths = d.durationMonths
    if (d.extensionMonths != null) m.extensionMonths = d.extensionMonths
    out.decisionMonths[d.id] = m
  }
  for (const t of s.testResults ?? []) {
    const part = PART[t.part]
    const level = LEVEL[t.level]
    if (part && level) out.norskTests.push({ date: t.testDate, part, level } satisfies NorskTestResult)
  }
  return out
}
