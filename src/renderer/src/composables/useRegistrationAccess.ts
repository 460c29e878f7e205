import { computed, toValue, type MaybeRefOrGetter } from 'vue'
import type { PersonView } from '../../../shared/api'
import { hasWriteRole, inScope, type WriteArea } from '../../../shared/rules/permissions'
import { useSessionStore } from '../stores/session'

/** Why a person screen's registration controls are off, or null when they are on. */
export type ReadOnlyReason = 'keptAfterScopeExit' | 'cachedReadOnly' | 'noRole' | null

/**
 * R9 on a person screen: may the user register in `area` for this person? The device checks
 * again on save (`checkCommand`); this only keeps the controls off and says why, once. A
 * person kept after a scope exit comes first: its work must be resolved before anything new.
 */
export function useRegistrationAccess(view: MaybeRefOrGetter<PersonView>, area: WriteArea) {
  const session = useSessionStore()
  const reason = computed<ReadOnlyReason>(() => {
    const v = toValue(view)
    if (v.keptAfterScopeExit) return 'keptAfterScopeExit'
    const user = session.user
    if (v.cachedReadOnly || (user && !inScope(user, v.bundle.person))) return 'cachedReadOnly'
    if (!user || !hasWriteRole(user.roles, area)) return 'noRole'
    return null
  })
  return { canWrite: computed(() => reason.value === null), reason }
}
