import { useI18n } from 'vue-i18n'
import type { SyncProblem } from '../../../shared/api'
import { useReferenceStore } from '../stores/reference'
import { formatDate } from './format'
import { field, int2021Kind, isRecord, sidesOf } from './syncProblems'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
/** Fields holding a code of a code list: shown by its name, as the screens show them (measures, D8.3). */
const CODE_FIELDS = { groupCode: 'measureGroup', measureCode: 'measure' } as const

/**
 * Words for a sync problem in the UI language: the command as the caseworker knows it
 * (*Ukeregistrering norsk, uke 2025-07*), field labels, and values as the screens show them.
 */
export function useSyncProblemText() {
  const { t, te } = useI18n()
  const reference = useReferenceStore()

  function week(row: unknown): string {
    const y = field(row, 'isoYear')
    const w = field(row, 'isoWeek')
    return typeof y === 'number' && typeof w === 'number' ? `${y}-${String(w).padStart(2, '0')}` : t('syncUi.unknownWeek')
  }

  /** A 2021 registration by its kind's heading, as its card on the screen names it. */
  function int2021KindName(p: Pick<SyncProblem, 'command' | 'payload' | 'base' | 'register'>): string {
    const kind = int2021Kind(p)
    return kind && te(`int2021Ui.kinds.${kind}.heading`) ? t(`int2021Ui.kinds.${kind}.heading`) : t('syncUi.int2021Unknown')
  }

  function scheme(v: unknown): string {
    return typeof v === 'string' && te(`rulesUi.schemes.${v}`) ? t(`rulesUi.schemes.${v}`) : String(v ?? '')
  }

  /** The command in words; a delete names the week it deleted from the row it started from. */
  function commandInWords(p: Pick<SyncProblem, 'command' | 'payload' | 'base' | 'register'>): string {
    const pl = p.payload
    const key = `syncUi.commands.${p.command}`
    if (!te(key)) return p.command
    const started = sidesOf(p).base?.row ?? sidesOf(p).register?.row ?? null
    return t(key, {
      week: week(p.command === 'norsk.deleteWeeklyParticipation' ? started : pl),
      date: formatDate(String(field(pl, 'date') ?? field(pl, 'decisionDate') ?? field(pl, 'endDate') ?? field(pl, 'issuedOn') ?? '')),
      scheme: scheme(field(pl, 'scheme')).toLowerCase(),
      from: formatDate(String(field(pl, 'fromDate') ?? '')),
      to: formatDate(String(field(pl, 'toDate') ?? '')),
      year: String(field(pl, 'year') ?? ''),
      kind: p.command.startsWith('int2021.') ? int2021KindName(p) : '',
    })
  }

  function fieldLabel(name: string): string {
    return te(`syncUi.fields.${name}`) ? t(`syncUi.fields.${name}`) : name
  }

  /** A value as a caseworker reads it: dates dd.mm.åååå, yes/no, lists of rows counted. */
  function valueText(name: string, value: unknown, personName?: string | null): string {
    if (value === null || value === undefined || value === '') return t('syncUi.values.none')
    if (name === 'personId' && personName) return personName
    if (name === 'scheme') return scheme(value)
    if (typeof value === 'boolean') return value ? t('syncUi.values.yes') : t('syncUi.values.no')
    if (typeof value === 'string' && Object.hasOwn(CODE_FIELDS, name)) {
      const list = CODE_FIELDS[name as keyof typeof CODE_FIELDS]
      // Loaded once per session; the name replaces the code as soon as the list is in.
      void reference.loadList(list)
      return reference.codeName(list, value)
    }
    if (typeof value === 'string' && ISO_DAY.test(value)) return formatDate(value)
    if (Array.isArray(value)) {
      if (value.every((v) => !isRecord(v))) return value.map(String).join(', ')
      return value
        .map((v) =>
          Object.entries(v as Record<string, unknown>)
            .filter(([k]) => k !== 'id' && k !== 'personId')
            .map(([k, x]) => `${fieldLabel(k)}: ${valueText(k, x)}`)
            .join(', '),
        )
        .join('; ')
    }
    if (isRecord(value))
      return Object.entries(value)
        .filter(([k]) => k !== 'id' && k !== 'personId')
        .map(([k, x]) => `${fieldLabel(k)}: ${valueText(k, x)}`)
        .join(', ')
    return String(value)
  }

  return { commandInWords, fieldLabel, valueText }
}
