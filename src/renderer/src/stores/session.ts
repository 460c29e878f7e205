import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Reason, SessionState } from '../../../shared/api'
import { invoke, on } from '../api/client'
import { setDeviceToday } from '../composables/format'

/** Who is logged in, and whether the replica has had its first sync (A3, A8). */
export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState | null>(null)
  const busy = ref(false)
  const loadError = ref<Reason[] | null>(null)

  // A locked session (issue 11.4) is still logged in: its screens and open dialogs stay mounted under the unlock screen.
  const loggedIn = computed(() => state.value?.phase === 'unlocked' || state.value?.phase === 'locked')
  const locked = computed(() => state.value?.phase === 'locked')
  const user = computed(() => state.value?.user ?? null)
  const replicaReady = computed(() => state.value?.replicaReady === true)

  // Main tells us when the session changes on its own (first sync done, lock, expiry).
  on('session.changed', (s) => {
    state.value = s
  })
  // "Today" is the Europe/Oslo date main computed, not this window's clock (issue 6, point 7).
  watch(
    () => state.value?.today,
    (today) => setDeviceToday(today ?? null),
    { immediate: true },
  )

  async function refresh(): Promise<void> {
    const r = await invoke('session.state', {})
    if (r.ok) {
      state.value = r.value
      loadError.value = null
    } else loadError.value = r.reasons
  }

  /** Returns the reasons of a refused login (shown beside the fields), or null on success. */
  async function login(username: string, password: string, totp?: string): Promise<Reason[] | null> {
    busy.value = true
    try {
      const r = await invoke('session.login', { username, password, ...(totp ? { totp } : {}), ...(startFresh.value ? { startFresh: true } : {}) })
      if (!r.ok) return r.reasons
      state.value = r.value
      return null
    } finally {
      busy.value = false
      startFresh.value = false
    }
  }

  /**
   * Issue 11.5: set after `REPLICA_UNREADABLE` when the caseworker chooses to start afresh; the
   * next login then asks main to seal the unreadable replica (kept) and create a new one.
   */
  const startFresh = ref(false)

  async function logout(): Promise<Reason[] | null> {
    const r = await invoke('session.logout', {})
    if (!r.ok) return r.reasons
    state.value = r.value
    return null
  }

  return { state, startFresh, busy, loadError, loggedIn, locked, user, replicaReady, refresh, login, logout }
})
