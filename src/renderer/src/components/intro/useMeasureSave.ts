import { ref } from 'vue'
import type { InputOf, Reason } from '../../../../shared/api'
import { invoke } from '../../api/client'
import { useReasons } from '../../composables/useReasons'
import { useNotificationsStore } from '../../stores/notifications'
import { usePersonsStore } from '../../stores/persons'
import { parseHours } from '../participation/weekly-participation'
import type { MeasureRow } from './MeasureRowsEditor.vue'

type MeasureCommand = 'intro.addMeasures' | 'intro.replaceMeasures' | 'intro.updateMeasure'
const ROW_FIELDS: readonly string[] = ['groupCode', 'measureCode', 'fromDate', 'toDate', 'hoursPerWeek']

/**
 * `intro.updateMeasure` names its fields without a prefix (its payload is the one measure):
 * they go beside the dialog's only row (`measures.0.hoursPerWeek`); the rest (`id`: the
 * measure is gone) stays for the alert.
 */
export function asFirstRow(reasons: readonly Reason[]): Reason[] {
  return reasons.map((r) => (r.field && ROW_FIELDS.includes(r.field) ? { ...r, field: `measures.0.${r.field}` } : r))
}

/**
 * Saving a measures dialog through the device's one write path (A4). Reasons go beside their
 * row's field by payload path (`measures.0.toDate`); reasons on a whole list (no granted
 * programme, a week above 60, the ticked measures) go to `extraFields`; the rest stays in the
 * dialog's alert. After a save the person is re-read and the R5.4 warning is shown.
 */
export function useMeasureSave(prefix: 'measures' | 'replacements', extraFields: readonly string[]) {
  const { splitByField } = useReasons()
  const notes = useNotificationsStore()
  const persons = usePersonsStore()
  const errors = ref<Record<string, string[]>>({})
  const other = ref<Reason[]>([])
  const saving = ref(false)

  function fieldsFor(rows: number): string[] {
    const out = [prefix as string, ...extraFields]
    for (let i = 0; i < rows; i++) for (const f of ROW_FIELDS) out.push(`${prefix}.${i}.${f}`)
    return out
  }

  function show(reasons: readonly Reason[], rows: number): void {
    const { byField, rest } = splitByField(reasons, fieldsFor(rows))
    errors.value = byField
    other.value = rest
  }

  /** Required fields and readable hours, checked before the device sees the input. Returns the hours or null. */
  function checkRows(rows: readonly MeasureRow[], withDates: boolean, text: { required: string; notANumber: string }): number[] | null {
    const e: Record<string, string[]> = {}
    const hours: number[] = []
    rows.forEach((r, i) => {
      const at = (f: string, msg: string) => (e[`${prefix}.${i}.${f}`] = [msg])
      if (!r.groupCode) at('groupCode', text.required)
      if (!r.measureCode) at('measureCode', text.required)
      if (withDates && !r.fromDate) at('fromDate', text.required)
      if (withDates && !r.toDate) at('toDate', text.required)
      const h = parseHours(r.hours)
      if (r.hours.trim() === '') at('hoursPerWeek', text.required)
      else if (h === 'invalid') at('hoursPerWeek', text.notANumber)
      hours.push(h === 'invalid' ? 0 : h)
    })
    errors.value = e
    other.value = []
    return Object.keys(e).length ? null : hours
  }

  /** True when saved; false when the device refused (nothing was written). */
  async function save<C extends MeasureCommand>(command: C, payload: InputOf<C>, rows: number): Promise<boolean> {
    saving.value = true
    errors.value = {}
    other.value = []
    try {
      const r = await invoke(command, payload)
      const edit = command === 'intro.updateMeasure'
      if (!r.ok) {
        show(edit ? asFirstRow(r.reasons) : r.reasons, rows)
        return false
      }
      await persons.open(payload.personId)
      if (r.value.warnings.length > 0) notes.reasons(r.value.warnings.map((w) => ({ ...w, severity: 'warning' as const })))
      else notes.success(edit ? 'introParticipationUi.measures.updated' : 'introParticipationUi.measures.saved')
      return true
    } finally {
      saving.value = false
    }
  }

  return { errors, other, saving, save, show, checkRows }
}
