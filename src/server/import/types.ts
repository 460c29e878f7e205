import type { EntityName } from '../../shared/sync'

/** One refused line of an import: 1-based line number, a code and a readable reason. */
export interface ImportError {
  line: number
  code: string
  /** Dotted path of the refused field in the line, when one field is at fault (issue 11.6). */
  field?: string
  message: string
}

export interface EntityCounts {
  created: number
  updated: number
  unchanged: number
  deleted: number
}

export interface ImportSummary extends EntityCounts {
  byEntity: Record<string, EntityCounts>
  /** Persons whose categories and deadlines were recomputed and stored (A6). */
  evaluated: number
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: ImportError[] }

/** A line that passed the per-line checks: a full domain row, or a tombstone of `key`. */
export interface ParsedLine {
  line: number
  entity: EntityName
  key: string
  deleted: boolean
  /** The validated domain row (absent for a tombstone). */
  row?: Record<string, unknown>
}
