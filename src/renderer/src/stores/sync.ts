import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Reason, SyncStatus } from '../../../shared/api'
import { invoke, on } from '../api/client'
import { useSessionStore } from './session'

/**
 * The sync status chip's data (A4). Main tells us every change (`sync.status`, and
 * `sync.progress` per pull page) instead of being polled; one `sync.status` call on login
 * fills the chip before the first event, and logout empties it.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null)
  const lastReasons = ref<Reason[] | null>(null)
  const session = useSessionStore()

  const syncing = computed(() => status.value?.state === 'syncing')
  /**
   * Counts events: an answer to a call is dropped when an event came while it was on its way,
   * because the event is newer (in browser mode the two travel on different connections).
   */
  let eventsSeen = 0

  // For the page's lifetime: the events stop by themselves when nobody is logged in.
  on('sync.status', (s) => {
    eventsSeen++
    status.value = s
    lastReasons.value = null
  })
  on('sync.progress', (progress) => {
    eventsSeen++
    if (status.value) status.value = { ...status.value, state: 'syncing', progress }
  })

  watch(
    () => session.loggedIn,
    (loggedIn) => {
      if (loggedIn) void refresh()
      else status.value = null
    },
    { immediate: true },
  )

  async function refresh(): Promise<void> {
    const before = eventsSeen
    const r = await invoke('sync.status', {})
    if (!r.ok) lastReasons.value = r.reasons
    else if (eventsSeen === before) {
      status.value = r.value
      lastReasons.value = null
    }
  }

  /** Starts a sync now; its progress and end arrive as events. */
  async function runNow(): Promise<Reason[] | null> {
    return start('sync.run')
  }

  /** Confirms a pull stopped by the 20 % scope-exit guard (A4) and syncs on. */
  async function confirmScopeExits(): Promise<Reason[] | null> {
    return start('sync.confirmScopeExits')
  }

  async function start(name: 'sync.run' | 'sync.confirmScopeExits'): Promise<Reason[] | null> {
    const before = eventsSeen
    const r = await invoke(name, {})
    if (!r.ok) return r.reasons
    if (eventsSeen === before) status.value = r.value
    return null
  }

  return { status, lastReasons, syncing, refresh, runNow, confirmScopeExits }
})
