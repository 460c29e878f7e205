import type { ReportTable } from './tables'

/**
 * echarts options for the reports a caseworker would rather look at than read (D11). Built
 * from the same table model as the screen's table, so the chart never says something else.
 * Overdue starts are a worklist of persons: no chart.
 */
type Option = Record<string, unknown>

const num = (v: string | number | undefined) => (typeof v === 'number' ? v : 0)

function bars(categories: string[], series: { name: string; data: number[] }[], extra: Option = {}, stack = false): Option {
  return {
    animation: false,
    aria: { enabled: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      stack: stack ? 'all' : undefined,
      label: { show: true, position: stack ? 'inside' : 'right' },
      ...extra,
    })),
  }
}

export function chartOf(t: ReportTable): Option | null {
  if (t.rows.length === 0) return null
  switch (t.id) {
    case 'statuses':
      return bars(
        t.rows.map((r) => `${r[0]!.value}: ${r[1]!.value}`),
        [{ name: t.columns[2]!, data: t.rows.map((r) => num(r[2]!.value)) }],
      )
    case 'deadlinesDue':
      return bars(
        t.rows.map((r) => String(r[0]!.value)),
        t.columns.slice(1).map((name, i) => ({ name, data: t.rows.map((r) => num(r[i + 1]!.value)) })),
        {},
        true,
      )
    case 'belowNorm': {
      const norm = num(t.rows[0]![3]!.value)
      return bars(
        t.rows.map((r) => String(r[0]!.value)),
        [{ name: t.columns[2]!, data: t.rows.map((r) => num(r[2]!.value)) }],
        { markLine: { symbol: 'none', data: [{ xAxis: norm, name: t.columns[3]! }], label: { formatter: `${t.columns[3]} ${String(norm).replace('.', ',')}` } } },
      )
    }
    case 'absence':
      return bars(
        t.rows.map((r) => String(r[0]!.value)),
        [
          { name: t.columns[1]!, data: t.rows.map((r) => num(r[1]!.value)) },
          { name: t.columns[2]!, data: t.rows.map((r) => num(r[2]!.value)) },
        ],
      )
    case 'endings':
      return bars(
        t.rows.map((r) => String(r[0]!.value)),
        [{ name: t.columns[1]!, data: t.rows.map((r) => num(r[1]!.value)) }],
      )
    default:
      return null
  }
}
