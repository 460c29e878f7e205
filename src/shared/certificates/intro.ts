import { calendarDaysInclusive, type IsoDate } from '../calendar'
import { earliestStart, grantedOf } from '../rules/queries'
import { fill, periodText, type PartContext, type PartResult } from './part'
import type { CertificateMeasure, IntroFacts } from './types'

/** An ending that is the programme running its course, not a break-off (R10 `endReason`). */
const RAN_ITS_COURSE = 'PROGRAMTID_UTE'

/**
 * The introduction programme on the certificate: the first granted programme's start (R11.6),
 * the measures and replacing measures with their periods and hours per week (D8.3), the
 * ending with its reason (R5.6; hours of work for `ARBEID`). The planned end is the
 * completion deadline the screens show (`introCompletion`, R5.2 / R12.1), else the latest
 * end date of a granted programme or extension decision. Ended early = ended before the
 * planned end for any reason but the programme time running out; the part completed is the
 * programme's calendar days up to its end over the days to the planned end.
 * Null (refused) when no granted programme had started by the date of issue.
 */
export function introPart(ctx: PartContext): PartResult | null {
  const { t, snapshot, view, issuer } = ctx
  const first = earliestStart(grantedOf(snapshot, 'INTRO_PROGRAM'))
  if (!first || first.startDate > issuer.date) return null
  const start = first.startDate
  const ending = [...view.bundle.endings].sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1) ?? null
  const plannedEnd = plannedEndOf(ctx)
  const endedEarly = ending !== null && ending.reasonCode !== RAN_ITS_COURSE && (plannedEnd === null || ending.endDate < plannedEnd)
  const completed =
    endedEarly && plannedEnd !== null && ending
      ? (() => {
          const days = calendarDaysInclusive(start, ending.endDate)
          const plannedDays = calendarDaysInclusive(start, plannedEnd)
          return { days, plannedDays, percent: Math.round((100 * days) / plannedDays) }
        })()
      : null
  const measures: CertificateMeasure[] = [...view.bundle.measures.map((m) => ({ ...m, replacement: false })), ...view.bundle.replacements.map((m) => ({ ...m, replacement: true }))]
    .map((m) => ({
      code: m.measureCode,
      groupCode: m.groupCode,
      name: ctx.codeName('measure', m.measureCode),
      group: ctx.codeName('measureGroup', m.groupCode),
      from: m.fromDate,
      to: m.toDate,
      hoursPerWeek: m.hoursPerWeek,
      replacement: m.replacement,
    }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.name.localeCompare(b.name))
  const facts: IntroFacts = {
    measures,
    ending: ending ? { date: ending.endDate, reasonCode: ending.reasonCode, workHoursPerWeek: ending.hoursPerWeek ?? null } : null,
    plannedEnd,
    endedEarly,
    completed,
  }
  const period = { from: start, to: ending?.endDate ?? null }
  const endingRows = ending
    ? [
        { label: t.labels.endDate, value: ctx.date(ending.endDate) },
        { label: t.labels.endReason, value: ctx.codeName('endReason', ending.reasonCode) },
        ...(ending.hoursPerWeek != null ? [{ label: t.labels.workHours, value: fill(t.hours, { n: ctx.hours(ending.hoursPerWeek) }) }] : []),
        ...(plannedEnd ? [{ label: t.labels.plannedEnd, value: ctx.date(plannedEnd) }] : []),
        { label: t.labels.endedEarly, value: endedEarly ? t.yes : t.no },
        ...(completed
          ? [
              {
                label: t.labels.partCompleted,
                value: fill(t.partCompletedValue, { percent: fill(t.percent, { n: completed.percent }), days: completed.days, total: completed.plannedDays }),
              },
            ]
          : []),
      ]
    : [{ label: t.labels.endDate, value: t.ongoing }]
  return {
    period,
    sections: [],
    measuresTable: {
      heading: t.sections.measures,
      columns: [t.measureColumns.measure, t.measureColumns.group, t.measureColumns.period, t.measureColumns.hours],
      rows: measures.map((m) => [m.replacement ? fill(t.replacement, { name: m.name }) : m.name, m.group, periodText(ctx, { from: m.from, to: m.to }), ctx.hours(m.hoursPerWeek)]),
      empty: t.measuresNone,
    },
    sectionsAfterTable: [{ heading: t.sections.ending, rows: endingRows }],
    norsk: null,
    intro: facts,
  }
}

function plannedEndOf(ctx: PartContext): IsoDate | null {
  const deadline = ctx.view.evaluation.schemes.intro.deadlines.find((d) => d.key === 'introCompletion')
  if (deadline) return deadline.date
  let hit: IsoDate | null = null
  for (const d of grantedOf(ctx.snapshot, 'INTRO_PROGRAM', 'INTRO_UTVIDA_DELTAKING')) if (d.endDate && (!hit || d.endDate > hit)) hit = d.endDate
  return hit
}
