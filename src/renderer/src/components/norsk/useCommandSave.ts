import { ref } from 'vue'
import type { InputOf, Reason, Saved } from '../../../../shared/api'
import { invoke } from '../../api/client'
import { useReasons } from '../../composables/useReasons'
import { useNotificationsStore } from '../../stores/notifications'
import { usePersonsStore } from '../../stores/persons'

type RegistrationCommand =
  'contact.register' | 'claim.register' | 'decision.register' | 'intro.registerEnding' | 'intro.registerAbsence' | 'intro.registerHoliday' | 'intro.registerParentalLeaveAbsence'

/**
 * Saving one registration dialog through the device's one write path (A4): the refusal's
 * reasons go beside their fields — all of them at once (R0) — and the rest into the dialog's
 * alert; on success the person is re-read (new rows and their sync marks) and the warnings
 * it was saved with are shown (R0: shown, not blocking).
 */
export function useCommandSave<C extends RegistrationCommand>(command: C, fields: readonly string[]) {
  const { splitByField } = useReasons()
  const notes = useNotificationsStore()
  const persons = usePersonsStore()
  const errors = ref<Record<string, string[]>>({})
  const other = ref<Reason[]>([])
  const saving = ref(false)

  function clear(): void {
    errors.value = {}
    other.value = []
  }

  /** Shows reasons beside their fields, e.g. the register's refusal of work being fixed. */
  function show(reasons: readonly Reason[], payload: unknown = {}): void {
    // An empty required field fails the input schema as malformed: say "required" there.
    const empty = (field?: string) => field !== undefined && (payload as Record<string, unknown>)[field] === ''
    const { byField, rest } = splitByField(
      reasons.map((x) => (x.code === 'INVALID_INPUT' && empty(x.field) ? { ...x, code: 'REQUIRED' as const } : x)),
      fields,
    )
    errors.value = byField
    other.value = rest
  }

  /** Returns what was saved, or null when the device refused (nothing was written). */
  async function save(payload: InputOf<C>): Promise<Saved | null> {
    saving.value = true
    clear()
    try {
      const r = await invoke(command, payload)
      if (!r.ok) {
        show(r.reasons, payload)
        return null
      }
      await persons.open(payload.personId)
      if (r.value.warnings.length > 0) notes.reasons(r.value.warnings.map((w) => ({ ...w, severity: 'warning' as const })))
      else notes.success('norskUi.saved')
      return r.value
    } finally {
      saving.value = false
    }
  }

  return { errors, other, saving, save, clear, show }
}
