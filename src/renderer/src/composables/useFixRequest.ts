import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { SyncProblem } from '../../../shared/api'
import type { CommandType } from '../../../shared/domain'
import { invoke } from '../api/client'
import { useNotificationsStore } from '../stores/notifications'

/**
 * *Rett og send på nytt* (A4): a person screen opened with `?fix=<mutationId>` reads that
 * sync problem and hands it to `open` when it is one of `commands`, so the screen opens the
 * command's dialog pre-filled with the caseworker's input. Saving it normally resolves the
 * problem on the device. `done()` drops the query, so a reload does not open it again.
 */
export function useFixRequest(commands: readonly CommandType[], open: (problem: SyncProblem) => void) {
  const route = useRoute()
  const router = useRouter()
  const notes = useNotificationsStore()

  watch(
    () => route.query.fix,
    async (fix) => {
      if (typeof fix !== 'string' || !fix) return
      const r = await invoke('sync.problem', { mutationId: fix })
      if (!r.ok) {
        notes.reasons(r.reasons)
        return done()
      }
      if (commands.includes(r.value.command)) open(r.value)
    },
    { immediate: true },
  )

  function done(): void {
    if (route.query.fix === undefined) return
    const { fix: _fix, ...query } = route.query
    void router.replace({ query })
  }

  return { done }
}
