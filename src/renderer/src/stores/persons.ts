import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PersonView, Reason, SearchResult } from '../../../shared/api'
import { invoke } from '../api/client'

/** Person search (D5, R2.4) and the person currently open on the person screens. */
export const usePersonsStore = defineStore('persons', () => {
  const query = ref('')
  const result = ref<SearchResult | null>(null)
  const searchReasons = ref<Reason[]>([])
  const searching = ref(false)

  const current = ref<PersonView | null>(null)
  const currentReasons = ref<Reason[]>([])
  const loading = ref(false)

  /** Runs a search; a refused input leaves its reasons in `searchReasons` and no result. */
  async function search(q: string): Promise<SearchResult | null> {
    query.value = q
    searching.value = true
    try {
      const r = await invoke('persons.search', { query: q })
      result.value = r.ok ? r.value : null
      searchReasons.value = r.ok ? [] : r.reasons
      return r.ok ? r.value : null
    } finally {
      searching.value = false
    }
  }

  /** Opens a person; re-opening the one already shown refreshes it without blanking the screen. */
  async function open(personId: string): Promise<void> {
    if (current.value?.bundle.person.id !== personId) current.value = null
    loading.value = true
    try {
      const r = await invoke('persons.get', { personId })
      current.value = r.ok ? r.value : null
      currentReasons.value = r.ok ? [] : r.reasons
    } finally {
      loading.value = false
    }
  }

  function setInPersonList(personId: string, inList: boolean): void {
    if (current.value?.bundle.person.id === personId) current.value = { ...current.value, inPersonList: inList }
  }

  function reset(): void {
    query.value = ''
    result.value = null
    searchReasons.value = []
    current.value = null
    currentReasons.value = []
  }

  return { query, result, searchReasons, searching, current, currentReasons, loading, search, open, setInPersonList, reset }
})
