import type { MunicipalityReportsView } from '../../../shared/api'
import { toCsv, type CsvCell } from '../../../shared/reports'

/**
 * Each report as one table model: the screen renders it, and the CSV and XLSX exports write
 * it, so a file always holds the figures on the screen. Pure; texts come in through `tr`.
 */
export type ReportId = 'statuses' | 'deadlinesDue' | 'overdueStarts' | 'belowNorm' | 'absence' | 'endings'

export interface ReportCell {
  /** What the cell holds: a number stays a number (XLSX numeric cell, CSV decimal comma). */
  value: string | number
  /** Persons behind a count: the screen offers them as a list (click-through). */
  personIds?: string[]
  /** The person a row is about: the screen links to them. */
  personId?: string
}

export interface ReportTable {
  id: ReportId
  title: string
  columns: string[]
  rows: ReportCell[][]
}

export interface TableTexts {
  tr: (key: string, values?: Record<string, unknown>) => string
  /** Name of a code in a code list (absence type, end reason) in the chosen language. */
  code: (list: 'absenceType' | 'endReason', code: string) => string
  date: (iso: string) => string
}

const BANDS = ['0-30', '31-60', '61-90'] as const

export function reportTables(v: MunicipalityReportsView, x: TableTexts): ReportTable[] {
  const c = (k: string) => x.tr(`reportsUi.columns.${k}`)
  const name = (id: string) => {
    const p = v.people[id]
    return p ? `${p.lastName}, ${p.firstName}` : id
  }
  const person = (id: string): ReportCell => ({ value: name(id), personId: id })
  const duf = (id: string): ReportCell => ({ value: v.people[id]?.duf ?? '' })
  const scheme = (s: string) => x.tr(`reportsUi.schemes.${s}`)
  const deadlineName = (key: string) => `${scheme(key.startsWith('intro') ? 'intro' : 'norsk')}: ${x.tr(`explanations.deadlines.${key}`).toLowerCase()}`
  const round = (n: number) => Math.round(n * 10) / 10

  const deadlineKeys = [...new Set(v.deadlinesDue.map((r) => r.key))]
  return [
    {
      id: 'statuses',
      title: x.tr('reportsUi.reports.statuses'),
      columns: [c('scheme'), c('status'), c('persons')],
      rows: v.statuses.map((r) => [{ value: scheme(r.scheme) }, { value: x.tr(`explanations.statuses.${r.status}`) }, { value: r.count, personIds: r.personIds }]),
    },
    {
      id: 'deadlinesDue',
      title: x.tr('reportsUi.reports.deadlinesDue'),
      columns: [c('deadline'), ...BANDS.map((b) => x.tr(`reportsUi.bands.${b}`))],
      rows: deadlineKeys.map((key) => [
        { value: deadlineName(key) },
        ...BANDS.map((band) => {
          const row = v.deadlinesDue.find((r) => r.key === key && r.band === band)
          return { value: row?.count ?? 0, personIds: row?.personIds ?? [] }
        }),
      ]),
    },
    {
      id: 'overdueStarts',
      title: x.tr('reportsUi.reports.overdueStarts'),
      columns: [c('person'), c('duf'), c('deadline'), c('date'), c('daysOverdue')],
      rows: v.overdueStarts.map((r) => [person(r.personId), duf(r.personId), { value: deadlineName(r.key) }, { value: x.date(r.date) }, { value: r.daysOverdue }]),
    },
    {
      id: 'belowNorm',
      title: x.tr('reportsUi.reports.belowNorm'),
      columns: [c('person'), c('duf'), c('average'), c('norm'), c('from'), c('to')],
      rows: v.belowNorm.map((r) => [
        person(r.personId),
        duf(r.personId),
        { value: round(r.hoursPerWeek) },
        { value: r.norm },
        { value: x.date(r.fromDate) },
        { value: x.date(r.toDate) },
      ]),
    },
    {
      id: 'absence',
      title: x.tr('reportsUi.reports.absence'),
      columns: [c('absenceType'), c('days'), c('hours'), c('registrations'), c('persons')],
      rows: v.absence.map((r) => [
        { value: x.code('absenceType', r.typeCode) },
        { value: r.days },
        { value: r.hours },
        { value: r.registrations },
        { value: r.personIds.length, personIds: r.personIds },
      ]),
    },
    {
      id: 'endings',
      title: x.tr('reportsUi.reports.endings'),
      columns: [c('reason'), c('persons')],
      rows: v.endings.map((r) => [{ value: x.code('endReason', r.reasonCode) }, { value: r.count, personIds: r.personIds }]),
    },
  ]
}

/** A heading line for the export: the municipality (and district), the period and the day. */
export function exportHeading(v: MunicipalityReportsView, x: TableTexts, districtName: string | null): string[] {
  return [
    `${x.tr('reportsUi.heading')}: ${v.municipalityName}${districtName ? ` – ${districtName}` : ''}`,
    `${x.tr('reportsUi.fromDate')} ${x.date(v.period.fromDate)}`,
    `${x.tr('reportsUi.toDate')} ${x.date(v.period.toDate)}`,
  ]
}

/** All reports in one CSV: per report its title, its header and its rows, then an empty line. */
export function tablesToCsv(tables: readonly ReportTable[], heading: string[]): string {
  const rows: CsvCell[][] = [heading, []]
  for (const t of tables) rows.push([t.title], t.columns, ...t.rows.map((r) => r.map((cell) => cell.value)), [])
  return toCsv(rows)
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)
}

/** All reports as an XLSX workbook (exceljs, loaded when asked for): one sheet per report. */
export async function tablesToXlsx(tables: readonly ReportTable[], heading: string[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = 'NIR Offline'
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title))
    ws.addRow([heading.join(' · ')])
    ws.addRow([t.title]).font = { bold: true }
    ws.addRow(t.columns).font = { bold: true }
    for (const r of t.rows) ws.addRow(r.map((cell) => cell.value))
    ws.columns.forEach((col, i) => (col.width = Math.max(12, ...[t.columns[i] ?? '', ...t.rows.map((r) => String(r[i]?.value ?? ''))].map((s) => s.length + 2))))
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer
}

/** Hands a file to the browser (or Electron's) download. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
