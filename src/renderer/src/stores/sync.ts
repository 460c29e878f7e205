import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Reason, SyncStatus } from '../../../shared/api'
import { invoke } from '../api/client'

const fastMs = 1000
const slowMs = 10_000

/**
 * The sync status chip's data (A4). Polls `sync.status` every second while a sync runs
 * and every ten seconds otherwise; polling runs only while someone is logged in.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatus | null>(null)
  const lastReasons = ref<Reason[] | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null
  let polling = false

  const syncing = computed(() => status.value?.state === 'syncing')

  async function refresh(): Promise<void> {
    const r = await invoke('sync.status', {})
    if (r.ok) {
      status.value = r.value
      lastReasons.value = null
    } else lastReasons.value = r.reasons
  }

  function schedule(): void {
    if (!polling) return
    timer = setTimeout(tick, syncing.value ? fastMs : slowMs)
  }
  async function tick(): Promise<void> {
    timer = null
    await refresh()
    schedule()
  }

  function startPolling(): void {
    if (polling) return
    polling = true
    void tick()
  }
  function stopPolling(): void {
    polling = false
    if (timer) clearTimeout(timer)
    timer = null
    status.value = null
  }

  /** Starts a sync now; the status answer switches polling to the fast pace. */
  async function runNow(): Promise<Reason[] | null> {
    return start('sync.run')
  }

  /** Confirms a pull stopped by the 20 % scope-exit guard (A4) and syncs on. */
  async function confirmScopeExits(): Promise<Reason[] | null> {
    return start('sync.confirmScopeExits')
  }

  async function start(name: 'sync.run' | 'sync.confirmScopeExits'): Promise<Reason[] | null> {
    const r = await invoke(name, {})
    if (!r.ok) return r.reasons
    status.value = r.value
    if (polling && timer) {
      clearTimeout(timer)
      schedule()
    }
    return null
  }

  return { status, lastReasons, syncing, refresh, startPolling, stopPolling, runNow, confirmScopeExits }
})
