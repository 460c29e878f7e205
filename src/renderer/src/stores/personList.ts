import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PersonHit, Reason } from '../../../shared/api'
import { invoke } from '../api/client'

/** The caseworker's own person list on the workspace (D5 "Lag di eiga personliste"). */
export const usePersonListStore = defineStore('personList', () => {
  const items = ref<PersonHit[]>([])
  const loaded = ref(false)
  const busy = ref(false)

  async function run(p: Promise<{ ok: true; value: PersonHit[] } | { ok: false; reasons: Reason[] }>): Promise<Reason[] | null> {
    busy.value = true
    try {
      const r = await p
      if (!r.ok) return r.reasons
      items.value = r.value
      loaded.value = true
      return null
    } finally {
      busy.value = false
    }
  }

  const load = () => run(invoke('personList.list', {}))
  const add = (personId: string) => run(invoke('personList.add', { personId }))
  const remove = (personId: string) => run(invoke('personList.remove', { personId }))
  const contains = (personId: string) => items.value.some((p) => p.id === personId)
  function reset(): void {
    items.value = []
    loaded.value = false
  }

  return { items, loaded, busy, load, add, remove, contains, reset }
})
