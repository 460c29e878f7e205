import type { CodeListEntry } from '../domain/code-list'

type ListName = CodeListEntry['list']

/** One row of a list before it gets its id and sort order. */
export interface Row {
  code: string
  nb: string
  nn: string
  data?: Record<string, unknown>
  validFrom?: string | null
  validTo?: string | null
}

/** Turns rows into entries with ids `list:code` and sort order by position. */
export function listOf(list: ListName, rows: Row[]): CodeListEntry[] {
  return rows.map((r, i) => ({
    id: `${list}:${r.code}`,
    list,
    code: r.code,
    nameNb: r.nb,
    nameNn: r.nn,
    data: r.data ?? {},
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    sortOrder: (i + 1) * 10,
  }))
}
