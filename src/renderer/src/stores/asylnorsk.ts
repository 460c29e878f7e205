import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { OutputOf, Reason } from '../../../shared/api'
import { invoke } from '../api/client'
import { useSessionStore } from './session'

type Offers = OutputOf<'asylnorsk.offers'>

/**
 * The municipality's yearly asylnorsk offers (R7.1) as the device holds them, for *Kommunar*
 * and for *Deltaking asylnorsk* (a week must lie inside one, R7.2). Re-read after a save and
 * after each sync, so new offers and their sync marks show without a reload.
 */
export const useAsylnorskStore = defineStore('asylnorsk', () => {
  const offers = ref<Offers['offers']>([])
  const syncMarks = ref<Offers['syncMarks']>({})
  const reasons = ref<Reason[]>([])
  const loading = ref(false)
  const session = useSessionStore()
  // Another user's municipality has other offers: never show the last user's for a moment.
  watch(
    () => session.user?.username,
    () => reset(),
  )

  async function load(): Promise<void> {
    loading.value = true
    try {
      const r = await invoke('asylnorsk.offers', {})
      reasons.value = r.ok ? [] : r.reasons
      if (r.ok) {
        offers.value = r.value.offers
        syncMarks.value = r.value.syncMarks
      }
    } finally {
      loading.value = false
    }
  }

  function reset(): void {
    offers.value = []
    syncMarks.value = {}
    reasons.value = []
  }

  return { offers, syncMarks, reasons, loading, load, reset }
})
