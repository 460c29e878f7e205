import type { RouteLocationRaw } from 'vue-router'
import type { Reason, SyncProblem, SyncProblemRow } from '../../../shared/api'
import type { CommandType } from '../../../shared/domain'

/**
 * What the Sync problems screen (A4 "After a rejection or conflict") derives from the
 * device's problems: where each command is fixed, how problems group by person, and the
 * caseworker's input field by field with the register's reasons beside it. Pure functions, so
 * the table-driven tests read them without a browser.
 */

/**
 * The person screen whose dialog registers each command (`?fix=<mutationId>` opens it
 * pre-filled). Decisions, contacts and claims live on *Norsk* or *Intro* by their scheme,
 * the ending on *Intro*, measures and absence on *Deltaking intro*. The yearly
 * asylum-training offer is the municipality's, on *Kommunar*.
 */
export const fixScreens: Record<CommandType, { tab: string } | { municipalities: true }> = {
  'decision.register': { tab: 'norsk' },
  'contact.register': { tab: 'norsk' },
  'claim.register': { tab: 'norsk' },
  'norsk.saveWeeklyParticipation': { tab: 'deltaking-norsk' },
  'norsk.deleteWeeklyParticipation': { tab: 'deltaking-norsk' },
  'norsk.registerLanguageTrack': { tab: 'kartlegging' },
  // By the fact's kind (`int2021Tab`); these are the fallbacks when the kind is unknown.
  'int2021.register': { tab: 'kartlegging' },
  'int2021.delete': { tab: 'kartlegging' },
  'intro.addMeasures': { tab: 'deltaking-intro' },
  'intro.updateMeasure': { tab: 'deltaking-intro' },
  'intro.deleteMeasure': { tab: 'deltaking-intro' },
  'intro.replaceMeasures': { tab: 'deltaking-intro' },
  'intro.registerAbsence': { tab: 'deltaking-intro' },
  'intro.registerHoliday': { tab: 'deltaking-intro' },
  'intro.registerParentalLeaveAbsence': { tab: 'deltaking-intro' },
  'intro.registerEnding': { tab: 'intro' },
  'asylnorsk.saveWeeklyParticipation': { tab: 'asylnorsk' },
  'asylnorsk.registerOffer': { municipalities: true },
  // The Deltakarbevis card, where the certificate is issued again (issue 10 point 3).
  'certificates.recordIssue': { tab: 'kartlegging' },
}

/**
 * R12.3.2: the screen of each registration of the 2021 act — education background and norskmål
 * on Kartlegging, full-time upper secondary on Norsk, the programme's facts on Intro.
 */
const INT2021_TABS: Record<string, string> = {
  educationBackground: 'kartlegging',
  norskGoal: 'kartlegging',
  fullTimeUpperSecondary: 'norsk',
  finalGoal: 'intro',
  integrationContract: 'intro',
  programmeElement: 'intro',
  referencePersonCondition: 'intro',
}

/** The fact kind of a 2021 registration: a register names its fact; a delete, the row it started from. */
export function int2021Kind(p: Pick<SyncProblem, 'command' | 'payload'> & Partial<Pick<SyncProblem, 'base' | 'register'>>): string | undefined {
  const row = p.command === 'int2021.delete' && p.base && p.register ? (sidesOf({ payload: p.payload, base: p.base, register: p.register }).base?.row ?? null) : p.payload
  const kind = field(field(row, 'fact'), 'kind')
  return typeof kind === 'string' ? kind : undefined
}

function int2021Tab(p: Pick<SyncProblem, 'command' | 'payload'> & Partial<Pick<SyncProblem, 'base' | 'register'>>): string | undefined {
  const kind = int2021Kind(p)
  return kind ? INT2021_TABS[kind] : undefined
}

/** Decisions, contacts and claims of the intro scheme are fixed where intro work is. */
function screenOf(p: Pick<SyncProblem, 'command' | 'payload'> & Partial<Pick<SyncProblem, 'base' | 'register'>>): { tab: string } | { municipalities: true } {
  const scheme = field(p.payload, 'scheme')
  if ((p.command === 'decision.register' || p.command === 'contact.register' || p.command === 'claim.register') && scheme === 'intro') return { tab: 'intro' }
  if (p.command === 'int2021.register' || p.command === 'int2021.delete') {
    const tab = int2021Tab(p)
    if (tab) return { tab }
  }
  return fixScreens[p.command]
}

/**
 * Where *Rett og send på nytt* goes, or null when that screen is not in this build (the
 * button is then disabled and says why, instead of opening a screen that cannot fix it).
 */
export function fixLocation(
  p: Pick<SyncProblem, 'command' | 'payload' | 'personId' | 'mutationId'> & Partial<Pick<SyncProblem, 'base' | 'register'>>,
  hasRoute: (name: string) => boolean,
): RouteLocationRaw | null {
  const screen = screenOf(p)
  const query = { fix: p.mutationId }
  if ('municipalities' in screen) return hasRoute('municipalities') ? { name: 'municipalities', query } : null
  const name = `person-${screen.tab}`
  if (!p.personId || !hasRoute(name)) return null
  return { name, params: { personId: p.personId }, query }
}

/** A problem with the problems that were rejected because it was (`dependency_rejected`). */
export interface ProblemNode {
  problem: SyncProblem
  dependents: SyncProblem[]
}

export interface PersonGroup {
  personId: string | null
  personName: string | null
  nodes: ProblemNode[]
}

/**
 * Groups by person (A4), in the order of the caseworker's work (`seq`); a dependant is shown
 * under its cause when the cause is still open, else on its own.
 */
export function groupByPerson(problems: readonly SyncProblem[]): PersonGroup[] {
  const sorted = [...problems].sort((a, b) => a.seq - b.seq)
  const open = new Set(sorted.map((p) => p.mutationId))
  const nodes = new Map<string, ProblemNode>()
  for (const p of sorted) if (!(p.causeMutationId && open.has(p.causeMutationId))) nodes.set(p.mutationId, { problem: p, dependents: [] })
  for (const p of sorted) {
    if (!p.causeMutationId || !open.has(p.causeMutationId)) continue
    // A chain (a dependant of a dependant) hangs under the first cause still shown on its own.
    let cause = p.causeMutationId
    const seen = new Set<string>()
    while (!nodes.has(cause) && !seen.has(cause)) {
      seen.add(cause)
      cause = sorted.find((q) => q.mutationId === cause)?.causeMutationId ?? cause
    }
    const node = nodes.get(cause)
    if (node) node.dependents.push(p)
    else nodes.set(p.mutationId, { problem: p, dependents: [] })
  }
  const groups = new Map<string, PersonGroup>()
  for (const node of nodes.values()) {
    const key = node.problem.personId ?? ''
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { personId: node.problem.personId, personName: node.problem.personName, nodes: [] }))
    g.personName ??= node.problem.personName
    g.nodes.push(node)
  }
  return [...groups.values()]
}

/** One field of the caseworker's input with the register's reasons that concern it. */
export interface FieldRow {
  field: string
  value: unknown
  reasons: Reason[]
}

/** Fields never shown as input: the row id is bookkeeping; the person is the group heading. */
const HIDDEN = new Set(['id'])

/**
 * The payload field by field, in the payload's order, each with the reasons whose `field`
 * (a dotted path) starts with it; `personId` only when a reason concerns it (e.g. the person
 * moved to another municipality, R9). Reasons with no field, or one the payload lacks, go to
 * `general`, so no reason is ever hidden.
 */
export function fieldRows(payload: unknown, reasons: readonly Reason[]): { rows: FieldRow[]; general: Reason[] } {
  const obj = isRecord(payload) ? payload : {}
  const top = (f: string | undefined) => (f ? f.split('.')[0]! : undefined)
  const rows: FieldRow[] = []
  for (const [name, value] of Object.entries(obj)) {
    if (HIDDEN.has(name)) continue
    const mine = reasons.filter((r) => top(r.field) === name)
    if (name === 'personId' && mine.length === 0) continue
    rows.push({ field: name, value, reasons: mine })
  }
  const shown = new Set(rows.map((r) => r.field))
  const general = reasons.filter((r) => !shown.has(top(r.field) ?? ''))
  return { rows, general }
}

/** One line of the side-by-side view of a conflict. */
export interface CompareRow {
  field: string
  yours: unknown
  register: unknown
  base: unknown
  /** Yours and the register's differ: the fields the caseworker decides on. */
  differs: boolean
}

/**
 * The register's row and the starting row that belong to the caseworker's input. The register
 * side is the row it holds under the payload's id, else — a duplicate key: the register holds
 * another row for the same week, and names the device's own id with no row — the row it does
 * hold. The starting side is the payload's row as it was (no row for a create).
 */
export function sidesOf(p: Pick<SyncProblem, 'payload' | 'register' | 'base'>): { register: SyncProblemRow | null; base: SyncProblemRow | null } {
  const id = field(p.payload, 'id')
  const held = p.register.find((r) => r.id === id && r.row !== null) ?? p.register.find((r) => r.row !== null) ?? p.register[0] ?? null
  return { register: held, base: p.base.find((r) => r.id === id) ?? p.base[0] ?? null }
}

/** Yours / in the register / what you started from, one row per field of any side (A4). */
export function compareRows(p: Pick<SyncProblem, 'payload' | 'register' | 'base'>): CompareRow[] {
  const { register, base } = sidesOf(p)
  const yours = isRecord(p.payload) ? p.payload : {}
  const reg = register?.row ?? {}
  const start = base?.row ?? {}
  const names: string[] = []
  for (const o of [yours, reg, start]) for (const k of Object.keys(o)) if (!HIDDEN.has(k) && k !== 'personId' && !names.includes(k)) names.push(k)
  return names.map((f) => ({ field: f, yours: yours[f], register: reg[f], base: start[f], differs: !sameValue(yours[f], reg[f]) }))
}

/** Values from JSON: equal when their JSON is (null and absent count as the same: no value). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The filters of the person lists (A4 "lists filter by not synced and sync problem"). */
export type SyncFilter = 'all' | 'notSynced' | 'problem'

/** "Not synced" is any unsent or refused work; "sync problem" only refused work. */
export function matchesSyncFilter(mark: 'pending' | 'problem' | null | undefined, filter: SyncFilter): boolean {
  if (filter === 'all') return true
  if (filter === 'problem') return mark === 'problem'
  return mark === 'pending' || mark === 'problem'
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function field(payload: unknown, name: string): unknown {
  return isRecord(payload) ? payload[name] : undefined
}
