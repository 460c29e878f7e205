import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { asylnorskKinds, type AsylnorskKind } from '../../../../shared/domain'
import type { InputOf, Reason, Saved } from '../../../../shared/api'
import { invoke } from '../../api/client'
import { useReasons } from '../../composables/useReasons'

type AsylnorskCommand = 'asylnorsk.registerOffer' | 'asylnorsk.saveWeeklyParticipation'

/**
 * Saving one asylnorsk dialog through the device's one write path: a refusal's reasons go
 * beside their fields — all at once (R0), nothing written — the rest into the dialog's alert.
 */
export function useAsylnorskSave<C extends AsylnorskCommand>(command: C, fields: readonly string[]) {
  const { splitByField } = useReasons()
  const { t } = useI18n()
  // The rules name a kind by its code; the caseworker reads its name.
  const named = (r: Reason): Reason =>
    asylnorskKinds.includes(r.values?.kind as AsylnorskKind) ? { ...r, values: { ...r.values, kind: t(`asylnorskUi.kinds.${String(r.values!.kind)}`) } } : r
  const errors = ref<Record<string, string[]>>({})
  const other = ref<Reason[]>([])
  const saving = ref(false)

  function clear(): void {
    errors.value = {}
    other.value = []
  }

  /** Shows reasons beside their fields as a refusal would: the register's, when a sync problem is being fixed (A4). */
  function show(reasons: readonly Reason[]): void {
    const { byField, rest } = splitByField(reasons.map(named), fields)
    errors.value = byField
    other.value = rest
  }

  /** Returns what was saved, or null when the device refused. */
  async function save(payload: InputOf<C>): Promise<Saved | null> {
    saving.value = true
    clear()
    try {
      const r = await invoke(command, payload)
      if (r.ok) return r.value
      show(r.reasons)
      return null
    } finally {
      saving.value = false
    }
  }

  return { errors, other, saving, save, clear, show }
}
