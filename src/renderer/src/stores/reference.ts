import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CodeListEntry, District, Municipality } from '../../../shared/domain'
import type { codeListNames } from '../../../shared/domain'
import { invoke } from '../api/client'
import { i18n } from '../plugins/i18n'

type ListName = (typeof codeListNames)[number]

/**
 * Reference data for display: municipality and district names, and code-list names in the
 * chosen language. Each list is fetched once per session; an unknown code shows as itself.
 */
export const useReferenceStore = defineStore('reference', () => {
  const locale = i18n.global.locale
  const municipalities = ref<Map<string, Municipality>>(new Map())
  const districts = ref<Map<string, District>>(new Map())
  const lists = ref<Partial<Record<ListName, CodeListEntry[]>>>({})
  const pending = new Map<string, Promise<void>>()

  function once(key: string, load: () => Promise<void>): Promise<void> {
    let p = pending.get(key)
    if (!p) {
      // A failed load is forgotten so the next screen tries again (e.g. after going online).
      p = load().catch((e: unknown) => {
        pending.delete(key)
        console.warn(`reference ${key} not loaded`, e)
      })
      pending.set(key, p)
    }
    return p
  }

  function loadMunicipalities(): Promise<void> {
    return once('municipalities', async () => {
      const r = await invoke('reference.municipalities', {})
      if (!r.ok) throw new Error(r.reasons.map((x) => x.code).join(','))
      municipalities.value = new Map(r.value.municipalities.map((m) => [m.code, m]))
      districts.value = new Map(r.value.districts.map((d) => [d.code, d]))
    })
  }

  function loadList(list: ListName): Promise<void> {
    return once(`list:${list}`, async () => {
      const r = await invoke('reference.codeList', { list })
      if (!r.ok) throw new Error(r.reasons.map((x) => x.code).join(','))
      lists.value = { ...lists.value, [list]: r.value }
    })
  }

  function municipalityName(code: string | null | undefined): string {
    if (!code) return '–'
    const m = municipalities.value.get(code)
    return m ? `${m.name} (${code})` : code
  }
  function districtName(code: string | null | undefined): string | null {
    if (!code) return null
    return districts.value.get(code)?.name ?? code
  }
  function codeName(list: ListName, code: string | null | undefined): string {
    if (!code) return '–'
    const e = lists.value[list]?.find((x) => x.code === code)
    if (!e) return code
    return locale.value === 'nn' ? e.nameNn : e.nameNb
  }

  function reset(): void {
    pending.clear()
    municipalities.value = new Map()
    districts.value = new Map()
    lists.value = {}
  }

  return { municipalities, districts, lists, loadMunicipalities, loadList, municipalityName, districtName, codeName, reset }
})
